package kz.hearingstate.notification.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.AppealType;
import kz.hearingstate.events.Citizen;
import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Location;

/** Builds valid appeal events for tests. */
public final class Appeals {

    /** 18:00 in Almaty (UTC+5) on 18 December 2026. */
    public static final Instant DEADLINE = Instant.parse("2026-12-18T13:00:00Z");
    public static final String DEADLINE_IN_ALMATY = "18.12.2026 18:00";
    public static final Instant RECEIVED_AT = Instant.parse("2026-11-27T06:00:00Z");

    public static String newAppealId() {
        return "ap-" + UUID.randomUUID();
    }

    public static String trackingCodeOf(String appealId) {
        return "ZH-" + appealId.substring(3, 9).toUpperCase();
    }

    public static AppealSubmitted submitted(String appealId, String channel, Language language, Citizen citizen) {
        return new AppealSubmitted(appealId, trackingCodeOf(appealId), channel, "ext-" + appealId, AppealType.COMPLAINT,
                "Street lights", "The street lights on Abay street have been off for a week.", language, false,
                null, citizen == null, citizen,
                new Location("Zhambyl", "Uzynagash", "Abay street 12", 43.2, 76.3), List.of(),
                RECEIVED_AT, RECEIVED_AT, DEADLINE);
    }

    public static Citizen citizen(ContactChannel preferred, String phone, String email, Language language) {
        return new Citizen("Aigerim Nurlanovna", "900101300123", phone, email, preferred, language);
    }

    /** 18:00 in Almaty on 30 December 2026. */
    public static final Instant EXTENDED_DEADLINE = Instant.parse("2026-12-30T13:00:00Z");
    public static final String EXTENDED_DEADLINE_IN_ALMATY = "30.12.2026 18:00";
    public static final String INFO_REASON = "Please send a photo of the broken lamp post.";
    public static final String EXTENSION_REASON = "An inspection of the site is needed.";
    public static final String FORWARD_REASON = "Power lines are outside the akimat's competence.";
    public static final String OUTSIDE_BODY = "KEGOC Almaty branch";
    public static final String ANSWER = "The lamps on Abay street were replaced on 2 December.";
    public static final String REJECTION_REASON = "The appeal repeats appeal ZH-000001 already answered.";

    /** A valid lifecycle event of {@code type} about {@code department}, with the fields that kind carries. */
    public static AppealLifecycleEvent step(String appealId, long sequence, LifecycleType type, String department) {
        AppealStatus status = switch (type) {
            case ROUTED -> AppealStatus.ROUTED;
            case INFO_REQUESTED -> AppealStatus.INFO_REQUESTED;
            case ANSWERED -> AppealStatus.ANSWERED;
            case FORWARDED -> AppealStatus.FORWARDED;
            case REJECTED -> AppealStatus.REJECTED;
            default -> AppealStatus.IN_PROGRESS;
        };
        String reason = switch (type) {
            case INFO_REQUESTED -> INFO_REASON;
            case EXTENDED -> EXTENSION_REASON;
            case FORWARDED -> FORWARD_REASON;
            case REJECTED -> REJECTION_REASON;
            case REOPENED -> "The citizen says the problem is not solved.";
            case ESCALATED -> "The answer is overdue.";
            default -> null;
        };
        return new AppealLifecycleEvent(appealId, trackingCodeOf(appealId), sequence, type, status, department, null,
                "street-lighting", 0.9, "system", reason, type == LifecycleType.ANSWERED ? ANSWER : null,
                type == LifecycleType.FORWARDED ? OUTSIDE_BODY : null,
                type == LifecycleType.EXTENDED ? EXTENDED_DEADLINE : DEADLINE, RECEIVED_AT.plusSeconds(60 * sequence));
    }

    /** Forwarded inside the akimat: the appeal stays open and moves to {@code to}. */
    public static AppealLifecycleEvent forwardedInside(String appealId, long sequence, String from, String to) {
        return new AppealLifecycleEvent(appealId, trackingCodeOf(appealId), sequence, LifecycleType.FORWARDED,
                AppealStatus.ROUTED, to, from, "street-lighting", 0.9, from, FORWARD_REASON, null, to, DEADLINE,
                RECEIVED_AT.plusSeconds(60 * sequence));
    }

    private Appeals() {
    }
}
