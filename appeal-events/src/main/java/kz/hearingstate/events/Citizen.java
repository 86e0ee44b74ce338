package kz.hearingstate.events;

/** Personal data. Never logged, never kept by analytics, never shown on public pages. */
public record Citizen(
        String fullName,
        String iin,
        String phone,
        String email,
        ContactChannel preferredContact,
        Language language) {
}
