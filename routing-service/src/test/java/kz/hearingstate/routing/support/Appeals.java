package kz.hearingstate.routing.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.hearingstate.clock.LegalClock;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.AppealType;
import kz.hearingstate.events.Citizen;
import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.Location;

/** Submitted appeals as intake would publish them. The citizen is fictitious. */
public final class Appeals {

    private static final LegalClock LEGAL_CLOCK = LegalClock.kazakhstan();

    private Appeals() {
    }

    public static AppealSubmitted submitted(String text, Language language, Instant receivedAt) {
        return submitted(UUID.randomUUID().toString(), text, language, false, null, "Узынагаш", receivedAt);
    }

    public static AppealSubmitted submitted(String appealId, String text, Language language, boolean anonymous,
            String categoryHint, String settlement, Instant receivedAt) {
        Instant registeredAt = LEGAL_CLOCK.registeredAt(receivedAt);
        Citizen citizen = anonymous ? null
                : new Citizen("Test Citizen", "900101300000", "+77010000000", "citizen@example.test", ContactChannel.EMAIL, language);
        return new AppealSubmitted(appealId, "T-" + appealId.substring(0, 8).toUpperCase(), "web", null,
                AppealType.COMPLAINT, null, text, language, false, categoryHint, anonymous, citizen,
                new Location("Zhambyl", settlement, null, null, null), List.of(), receivedAt, registeredAt,
                LEGAL_CLOCK.deadline(registeredAt, 15));
    }
}
