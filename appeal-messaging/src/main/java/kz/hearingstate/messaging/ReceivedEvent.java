package kz.hearingstate.messaging;

/** A consumed event: its CloudEvents attributes and its body, already checked against its schema. */
public record ReceivedEvent<T>(EventMetadata metadata, T payload) {
}
