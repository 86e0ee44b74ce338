package kz.hearingstate.analytics.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import kz.hearingstate.analytics.config.AnalyticsProperties;
import kz.hearingstate.analytics.directory.DepartmentDirectory;
import kz.hearingstate.analytics.hotspots.Incident;
import kz.hearingstate.analytics.hotspots.Incidents;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Current hotspots: incidents whose last appeal came after {@code since} (default: the current period ago).
 * None of a confidential department, and times to the hour only: a receipt time to the millisecond
 * would point at the appeal that made the surge.
 */
@RestController
class HotspotController {

    private final Incidents incidents;
    private final Clock clock;
    private final AnalyticsProperties properties;
    private final DepartmentDirectory directory;

    /** How far back {@code since} reaches at most, and how many incidents one answer lists (the latest). */
    static final Duration OLDEST_SINCE = Duration.ofDays(90);
    static final int MAX_INCIDENTS = 100;

    HotspotController(Incidents incidents, Clock clock, AnalyticsProperties properties, DepartmentDirectory directory) {
        this.directory = directory;
        this.incidents = incidents;
        this.clock = clock;
        this.properties = properties;
    }

    @GetMapping("/api/v1/stats/hotspots")
    List<Hotspot> hotspots(@RequestParam(required = false) String since) {
        QueryParameters query = new QueryParameters(properties.zone());
        // To the hour, as the times shown: a bound to the millisecond, narrowed, would find when the last appeal came.
        Instant now = clock.instant();
        Instant from = query.instant("since", since).orElseGet(() -> now.minus(properties.hotspots().currentPeriod()))
                .truncatedTo(ChronoUnit.HOURS);
        Instant oldest = now.minus(OLDEST_SINCE).truncatedTo(ChronoUnit.HOURS);
        if (from.isBefore(oldest)) {
            from = oldest; // a public read never walks every incident ever stored
        }
        query.requireValid();
        Set<String> confidential = directory.confidentialCodes();
        return incidents.since(from, MAX_INCIDENTS).stream().filter(incident -> !confidential.contains(incident.department()))
                .map(Hotspot::of).toList();
    }

    /** What the public sees of an incident: no appeal ids, times to the hour. */
    record Hotspot(String incidentId, String category, String department, String settlement, String geoCell,
            int appealCount, double baselineCount, Instant windowStart, Instant detectedAt, Instant lastAppealAt) {

        static Hotspot of(Incident incident) {
            return new Hotspot(incident.incidentId(), incident.category(), incident.department(), incident.settlement(),
                    incident.geoCell(), incident.appealIds().size(), incident.baselineCount(), hour(incident.windowStart()),
                    hour(incident.detectedAt()), hour(incident.lastAppealAt()));
        }

        private static Instant hour(Instant at) {
            return at == null ? null : at.truncatedTo(ChronoUnit.HOURS);
        }
    }
}
