package kz.hearingstate.events;

/** A link to a file the citizen attached; intake never stores file bodies. */
public record Attachment(String url, String name, String contentType) {
}
