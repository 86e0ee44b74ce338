package kz.hearingstate.faults;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the platform's topics say happened to every appeal, read from offset 0: which appeals exist
 * (valid {@code appeal.submitted} records), how often each was routed, and which notifications were
 * sent for it. {@link #violations} compares that with what clients were promised and with analytics.
 */
final class PlatformLedger {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern WATCHED = Pattern.compile(
            "appeals\\.submitted|appeals\\.lifecycle|notifications\\.outcomes|departments\\.[^.]+\\.inbox");
    private static final String ROUTED = LifecycleType.ROUTED.eventType();

    /** Valid appeals on appeals.submitted, by appealId. */
    final Set<String> submitted = new HashSet<>();
    /** Distinct event ids of appeal.routed per appeal (more than one: routed twice). */
    final Map<String, Set<String>> routedEventIds = new HashMap<>();
    /** Distinct event ids on the department inboxes per appeal. */
    final Map<String, Set<String>> inboxEventIds = new HashMap<>();
    /** Distinct notification ids per appeal and notified fact (template, channel, recipient role). */
    final Map<String, Map<String, Set<String>>> notifications = new HashMap<>();

    static PlatformLedger read(Map<String, Object> kafka) {
        PlatformLedger ledger = new PlatformLedger();
        for (TopicLedger.Entry entry : TopicLedger.read(kafka, topic -> WATCHED.matcher(topic).matches())) {
            ledger.add(entry);
        }
        return ledger;
    }

    private void add(TopicLedger.Entry entry) {
        String appealId = entry.key();
        if (appealId == null) {
            return;
        }
        switch (entry.topic()) {
            case Topics.APPEALS_SUBMITTED -> {
                JsonNode body = parse(entry.body());
                if (body != null && appealId.equals(body.path("appealId").asString("")) && body.has("receivedAt")) {
                    submitted.add(appealId);
                }
            }
            case Topics.APPEALS_LIFECYCLE -> {
                if (ROUTED.equals(entry.eventType())) {
                    routedEventIds.computeIfAbsent(appealId, id -> new HashSet<>()).add(String.valueOf(entry.eventId()));
                }
            }
            case Topics.NOTIFICATIONS_OUTCOMES -> {
                JsonNode outcome = parse(entry.body());
                if (outcome != null) {
                    String fact = outcome.path("template").asString("") + "/" + outcome.path("channel").asString("")
                            + "/" + outcome.path("recipientRole").asString("");
                    notifications.computeIfAbsent(appealId, id -> new HashMap<>())
                            .computeIfAbsent(fact, f -> new HashSet<>()).add(outcome.path("notificationId").asString(""));
                }
            }
            default -> inboxEventIds.computeIfAbsent(appealId, id -> new HashSet<>()).add(String.valueOf(entry.eventId()));
        }
    }

    /**
     * Everything that breaks "every acknowledged appeal exactly once, no notification twice"; empty when
     * all holds.
     *
     * @param acknowledged   appealIds that got a 202
     * @param notifiedAppeals appealIds that must have a notification (those with the citizen's e-mail)
     * @param analyticsCount analytics' {@code figures.received}
     */
    List<String> violations(Collection<String> acknowledged, Collection<String> notifiedAppeals, long analyticsCount) {
        List<String> found = new ArrayList<>();
        limited(found, "acknowledged with 202 but not on appeals.submitted (lost)",
                acknowledged.stream().filter(id -> !submitted.contains(id)).toList());
        limited(found, "never routed (no appeal.routed)",
                submitted.stream().filter(id -> !routedEventIds.containsKey(id)).toList());
        limited(found, "routed more than once (distinct appeal.routed event ids)",
                routedEventIds.entrySet().stream().filter(e -> e.getValue().size() > 1)
                        .map(e -> e.getKey() + " " + e.getValue()).toList());
        limited(found, "never on a department inbox",
                submitted.stream().filter(id -> !inboxEventIds.containsKey(id)).toList());
        limited(found, "on department inboxes more than once (distinct event ids)",
                inboxEventIds.entrySet().stream().filter(e -> e.getValue().size() > 1)
                        .map(e -> e.getKey() + " " + e.getValue()).toList());
        limited(found, "never notified (no notification.outcome)",
                notifiedAppeals.stream().filter(id -> !notifications.containsKey(id)).toList());
        limited(found, "the same fact notified twice (distinct notification ids)",
                notifications.entrySet().stream().flatMap(e -> e.getValue().entrySet().stream()
                        .filter(f -> f.getValue().size() > 1).map(f -> e.getKey() + " " + f.getKey() + " " + f.getValue()))
                        .toList());
        if (analyticsCount != submitted.size()) {
            found.add("analytics counts " + analyticsCount + " appeals, the topics hold " + submitted.size());
        }
        return found;
    }

    /** True when everything submitted has been routed, notified where due, and counted. */
    boolean settled(Collection<String> notifiedAppeals, long analyticsCount) {
        return routedEventIds.keySet().containsAll(submitted) && inboxEventIds.keySet().containsAll(submitted)
                && notifications.keySet().containsAll(notifiedAppeals) && analyticsCount == submitted.size();
    }

    private static void limited(List<String> found, String what, List<String> appealIds) {
        if (!appealIds.isEmpty()) {
            found.add(appealIds.size() + " " + what + ": " + appealIds.subList(0, Math.min(5, appealIds.size())));
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
