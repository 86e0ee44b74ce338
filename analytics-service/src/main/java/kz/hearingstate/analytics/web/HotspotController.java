package kz.hearingstate.analytics.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import kz.hearingstate.analytics.config.AnalyticsProperties;
import kz.hearingstate.analytics.hotspots.Incident;
import kz.hearingstate.analytics.hotspots.Incidents;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Current hotspots: incidents whose last appeal came after {@code since} (default: the current period ago). */
@RestController
class HotspotController {

    private final Incidents incidents;
    private final Clock clock;
    private final AnalyticsProperties properties;

    HotspotController(Incidents incidents, Clock clock, AnalyticsProperties properties) {
        this.incidents = incidents;
        this.clock = clock;
        this.properties = properties;
    }

    @GetMapping("/api/v1/stats/hotspots")
    List<Hotspot> hotspots(@RequestParam(required = false) String since) {
        QueryParameters query = new QueryParameters(properties.zone());
        Instant from = query.instant("since", since).orElseGet(() -> clock.instant().minus(properties.hotspots().currentPeriod()));
        query.requireValid();
        return incidents.since(from).stream().map(Hotspot::of).toList();
    }

    /** What the public sees of an incident: no appeal ids. */
    record Hotspot(String incidentId, String category, String department, String settlement, String geoCell,
            int appealCount, double baselineCount, Instant windowStart, Instant detectedAt, Instant lastAppealAt) {

        static Hotspot of(Incident incident) {
            return new Hotspot(incident.incidentId(), incident.category(), incident.department(), incident.settlement(),
                    incident.geoCell(), incident.appealIds().size(), incident.baselineCount(), incident.windowStart(),
                    incident.detectedAt(), incident.lastAppealAt());
        }
    }
}
