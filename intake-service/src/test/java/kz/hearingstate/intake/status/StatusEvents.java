package kz.hearingstate.intake.status;

import java.time.Instant;
import java.util.List;

import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.AppealType;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.intake.identity.AppealIds;

/** The events the status view is projected from, as intake and routing publish them (valid by their schemas). */
final class StatusEvents {

    static final Instant FIRST = Instant.parse("2026-11-27T05:00:00Z");
    private static final Instant ROUTED_AT = FIRST.plusSeconds(420);

    private StatusEvents() {
    }

    static AppealSubmitted submitted(String appealId, Instant receivedAt) {
        return new AppealSubmitted(appealId, AppealIds.trackingCode(appealId), "demo-portal", null, AppealType.COMPLAINT,
                null, "Яма на дороге у остановки.", Language.ru, false, "roads", true, null, null, List.of(),
                receivedAt, receivedAt, receivedAt.plusSeconds(86_400 * 21));
    }

    static AppealLifecycleEvent routed(String appealId, long sequence) {
        return step(appealId, sequence, LifecycleType.ROUTED, AppealStatus.ROUTED);
    }

    static AppealLifecycleEvent step(String appealId, long sequence, LifecycleType type, AppealStatus status) {
        return new AppealLifecycleEvent(appealId, AppealIds.trackingCode(appealId), sequence, type,
                status, "roads-transport", null, "roads", 0.8, "system", "Уточните адрес.",
                type == LifecycleType.ANSWERED ? "Яму заделали." : null, null,
                ROUTED_AT.plusSeconds(86_400 * 21), ROUTED_AT.plusSeconds(sequence));
    }
}
