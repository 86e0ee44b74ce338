package kz.hearingstate.notification.contact;

import java.time.Instant;

import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.Citizen;
import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.Language;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * This service's copy of how to reach the citizen of one appeal, taken from {@code appeal.submitted.v1}:
 * lifecycle events carry no contact data. Personal data: never logged unmasked.
 *
 * @param channel    the intake channel the appeal came through (its webhook is the WEBHOOK route)
 * @param externalId the channel's own id of the appeal, echoed in webhooks
 */
@Document("citizen_contacts")
public record CitizenContact(
        @Id String appealId,
        String trackingCode,
        String channel,
        String externalId,
        boolean anonymous,
        ContactChannel preferredContact,
        String phone,
        String email,
        Language language,
        Instant registeredAt,
        Instant deadline) {

    public static CitizenContact of(AppealSubmitted appeal) {
        Citizen citizen = appeal.citizen();
        Language language = citizen != null && citizen.language() != null ? citizen.language() : appeal.language();
        return new CitizenContact(appeal.appealId(), appeal.trackingCode(), appeal.channel(), appeal.externalId(),
                appeal.anonymous() || citizen == null,
                citizen == null ? null : citizen.preferredContact(),
                citizen == null ? null : blankToNull(citizen.phone()),
                citizen == null ? null : blankToNull(citizen.email()),
                language, appeal.registeredAt(), appeal.deadline());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
