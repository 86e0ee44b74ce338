package kz.hearingstate.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import kz.hearingstate.events.AppealFeedback;
import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.AppealType;
import kz.hearingstate.events.Citizen;
import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.DepartmentChanged;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Location;
import kz.hearingstate.events.Settlement;
import kz.hearingstate.events.SettlementsChanged;
import kz.hearingstate.events.NotificationOutcome;

/** Valid events as the other services write them, with personal data where theirs carry it. */
public final class TestEvents {

    /** Personal data every submitted test appeal carries; analytics must never keep any of it. */
    public static final String CITIZEN_NAME = "Aigerim Nurlanovna Sadykova";
    public static final String CITIZEN_IIN = "900101350123";
    public static final String CITIZEN_PHONE = "+77011234567";
    public static final String CITIZEN_EMAIL = "aigerim.sadykova@example.kz";
    public static final String APPEAL_TEXT = "Deep potholes near school number 3 damage cars every day";
    public static final String STREET_ADDRESS = "Abai street 15, flat 4";

    public static AppealSubmitted submitted(String appealId, String channel, Language language, String categoryHint,
            String settlement, Double lat, Double lon, Instant receivedAt, Instant deadline) {
        if (settlement != null) {
            SETTLEMENT_CODES.put(appealId, KNOWN_PLACES.getOrDefault(settlement, Settlement.OTHER));
        }
        Location location = settlement == null && lat == null ? null
                : new Location("Zhambyl district", settlement, STREET_ADDRESS, lat, lon);
        return new AppealSubmitted(appealId, tracking(appealId), channel, null, AppealType.COMPLAINT,
                "Potholes", APPEAL_TEXT, language, false, categoryHint, false,
                new Citizen(CITIZEN_NAME, CITIZEN_IIN, CITIZEN_PHONE, CITIZEN_EMAIL, ContactChannel.SMS, language),
                location, List.of(), receivedAt, receivedAt, deadline);
    }

    /**
     * The settlement code routing would put on an appeal's lifecycle events, by appealId: what
     * {@link #submitted} was given, normalised as routing's SettlementNormaliser does for these test places.
     */
    private static final Map<String, String> SETTLEMENT_CODES = new ConcurrentHashMap<>();
    private static final Map<String, String> KNOWN_PLACES = Map.of("Uzynagash", "uzynagash", "Samsy", "samsy",
            "Karakastek", "karakastek", "Mynbaev", "mynbaev");

    public static AppealLifecycleEvent lifecycle(String appealId, long sequence, LifecycleType type, AppealStatus status,
            String department, String category, Instant deadline, Instant occurredAt) {
        boolean needsReason = switch (type) {
            case FORWARDED, REJECTED, REOPENED, INFO_REQUESTED, EXTENDED, ESCALATED -> true;
            default -> false;
        };
        return new AppealLifecycleEvent(appealId, tracking(appealId), sequence, type, status, department, null, category,
                type == LifecycleType.ROUTED ? 0.9 : null, department, needsReason ? "by the book" : null,
                type == LifecycleType.ANSWERED ? "Repaired on Monday" : null,
                type == LifecycleType.FORWARDED ? "regional-roads-agency" : null, deadline, SETTLEMENT_CODES.get(appealId),
                occurredAt);
    }

    public static AppealFeedback feedback(String feedbackId, String appealId, int rating, boolean solved, Instant at) {
        return new AppealFeedback(feedbackId, appealId, tracking(appealId), rating, solved, "Иванов И. И., тел. +7 701 000 00 00", at);
    }

    public static NotificationOutcome outcome(String notificationId, String appealId, String outcome, Instant at) {
        return new NotificationOutcome(notificationId, appealId, appealId + ":1", "appeal-routed", "SMS", "CITIZEN",
                outcome, 1, 120, at);
    }

    public static DepartmentChanged department(String code, long version, String kk, String ru, String en, String phone,
            boolean internal, Instant at) {
        return department(code, version, kk, ru, en, phone, internal, false, at);
    }

    public static DepartmentChanged department(String code, long version, String kk, String ru, String en, String phone,
            boolean internal, boolean confidential, Instant at) {
        return new DepartmentChanged(code, version, Map.of(Language.kk, kk, Language.ru, ru, Language.en, en), phone,
                code + "@zhambyl.gov.kz", "Узынагаш, Райымбек 30 (for every reader)", Map.of(Language.kk, "Ұзынағаш, Райымбек көшесі, 30",
                        Language.ru, "Узынагаш, ул. Райымбека, 30", Language.en, "30 Rayymbek Street, Uzynagash"), List.of("roads"), List.of("Uzynagash"),
                internal, confidential, false, "admin.beisenova", at);
    }

    /** The directory's list for the places these tests use (routing publishes the whole list from its file). */
    public static SettlementsChanged settlements(int version, Instant at) {
        return new SettlementsChanged(version, List.of(
                new Settlement("uzynagash", Map.of(Language.kk, "Ұзынағаш", Language.ru, "Узынагаш", Language.en, "Uzynagash"), List.of()),
                new Settlement("samsy", Map.of(Language.kk, "Самсы", Language.ru, "Самсы", Language.en, "Samsy"), List.of()),
                new Settlement("karakastek", Map.of(Language.kk, "Қарақастек", Language.ru, "Каракастек", Language.en, "Karakastek"), List.of()),
                new Settlement("mynbaev", Map.of(Language.kk, "Мыңбаев", Language.ru, "Мынбаев", Language.en, "Mynbaev"), List.of())), at);
    }

    private static String tracking(String appealId) {
        return "T-" + appealId.toUpperCase().replaceAll("[^A-Z0-9]", "");
    }

    private TestEvents() {
    }
}
