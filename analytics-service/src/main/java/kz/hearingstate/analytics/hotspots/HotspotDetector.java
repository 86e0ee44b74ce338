package kz.hearingstate.analytics.hotspots;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import kz.hearingstate.analytics.facts.AppealFact;
import kz.hearingstate.analytics.facts.AppealFacts;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.IncidentDetected;
import kz.hearingstate.events.Settlement;
import kz.hearingstate.events.Topics;
import kz.hearingstate.messaging.EventPublisher;
import kz.hearingstate.web.Hashing;

/**
 * Looks for a surge around each appeal as soon as its category and place are known: appeals of the same
 * category in the same settlement (or, for appeals without a settlement, in the same geo cell), received
 * within the window that ends at this appeal's receipt. One place per appeal means one incident per surge. Working on receipt times, not on processing times, keeps a replay's incidents equal to
 * the live ones. An incident is announced once on {@code incidents.detected}, with a deterministic id that
 * is also its event id, so a repeated announcement (after a crash between publish and mark) is a duplicate
 * consumers drop. Appeals of a confidential department (anti-corruption) are never part of an incident,
 * and neither is an appeal routing has not placed yet: an incident lists its appeals and is public.
 */
public class HotspotDetector {

    static final String SETTLEMENT = "settlement";
    static final String GEO_CELL = "geoCell";

    private final AppealFacts facts;
    private final Incidents incidents;
    private final HotspotRule rule;
    private final EventPublisher publisher;
    private final Consumer<IncidentDetected> onAnnounced;
    private final Supplier<Set<String>> confidentialDepartments;

    public HotspotDetector(AppealFacts facts, Incidents incidents, HotspotRule rule, EventPublisher publisher,
            Consumer<IncidentDetected> onAnnounced, Supplier<Set<String>> confidentialDepartments) {
        this.confidentialDepartments = confidentialDepartments;
        this.facts = facts;
        this.incidents = incidents;
        this.rule = rule;
        this.publisher = publisher;
        this.onAnnounced = onAnnounced;
    }

    public void check(AppealFact fact) {
        if (fact.getCategory() == null || fact.getReceivedAt() == null || fact.getDepartment() == null) {
            return;
        }
        Set<String> confidential = confidentialDepartments.get();
        if (confidential.contains(fact.getDepartment())) {
            return;
        }
        // "other" is no place: such appeals fall back to their geo cell, like appeals without a settlement.
        if (fact.getSettlement() != null && !Settlement.OTHER.equals(fact.getSettlement())) {
            check(fact, SETTLEMENT, fact.getSettlement(), confidential);
        } else if (fact.getGeoCell() != null) {
            check(fact, GEO_CELL, fact.getGeoCell(), confidential);
        }
    }

    /**
     * Evaluates every window that ends at a similar appeal received from this one's receipt up to one window
     * later. Why not only the window ending here: appeals of other partitions may arrive out of receipt order,
     * and the last of a surge's appeals to arrive is not always its latest; this way the last one to arrive
     * evaluates the window ending at the latest, when all of them are present.
     */
    private void check(AppealFact fact, String scope, String scopeValue, Set<String> confidential) {
        Instant received = fact.getReceivedAt();
        List<AppealFact> around = facts.similarReceivedBetween(fact.getCategory(), scope, scopeValue,
                rule.windowStart(received), received.plus(rule.window()), confidential);
        Instant lastEnd = null;
        for (AppealFact candidate : around) {
            Instant end = candidate.getReceivedAt();
            if (end.isBefore(received) || end.equals(lastEnd)) {
                continue;
            }
            lastEnd = end;
            Instant windowStart = rule.windowStart(end);
            List<String> inWindow = around.stream()
                    .filter(similar -> similar.getReceivedAt().isAfter(windowStart) && !similar.getReceivedAt().isAfter(end))
                    .map(AppealFact::getAppealId).toList();
            if (rule.isSurge(inWindow.size(), 0)) {
                double baseline = rule.baseline(facts.similarReceivedBetween(fact.getCategory(), scope, scopeValue,
                        rule.baselineStart(end), windowStart, confidential).size());
                if (rule.isSurge(inWindow.size(), baseline)) {
                    announce(record(fact, scope, scopeValue, end, inWindow, baseline));
                }
            }
        }
    }

    private Incident record(AppealFact fact, String scope, String scopeValue, Instant end, List<String> inWindow,
            double baseline) {
        Instant windowStart = rule.windowStart(end);
        return incidents.active(fact.getCategory(), scope, scopeValue, windowStart)
                .map(active -> incidents.join(active.incidentId(), inWindow, end))
                .orElseGet(() -> incidents.insertOrGet(new Incident(incidentId(fact.getCategory(), scope, scopeValue, end),
                        fact.getCategory(), fact.getDepartment(), scope, scopeValue,
                        SETTLEMENT.equals(scope) ? scopeValue : null, GEO_CELL.equals(scope) ? scopeValue : null,
                        inWindow.size(), baseline, windowStart, end, end, inWindow, false)));
    }

    private void announce(Incident incident) {
        if (incident.published()) {
            return;
        }
        IncidentDetected event = new IncidentDetected(incident.incidentId(), incident.category(), incident.department(),
                incident.settlement(), incident.geoCell(), incident.appealCountAtDetection(), incident.baselineCount(),
                incident.windowStart(), incident.detectedAt(), incident.appealIds(), incident.detectedAt());
        publisher.publish(Topics.INCIDENTS_DETECTED, incident.incidentId(), incident.incidentId(),
                EventTypes.INCIDENT_DETECTED, event);
        incidents.markPublished(incident.incidentId());
        onAnnounced.accept(event);
    }

    /** Same category, place and detecting receipt time give the same id, on every instance and in every replay. */
    static String incidentId(String category, String scope, String scopeValue, Instant detectedAt) {
        String key = category + "|" + scope + "|" + scopeValue + "|" + detectedAt;
        return "incident-" + Hashing.sha256Hex(key, 12);
    }
}
