package kz.hearingstate.analytics.hotspots;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A detected hotspot. {@code scope} is {@code settlement} or {@code geoCell} and {@code scopeValue} its
 * value. Appeals received later in the same surge join it ({@code appealIds}, {@code lastAppealAt}); it is
 * announced once ({@code published}). {@code detectedAt} is the receipt time of the appeal that crossed
 * the threshold, so a replay detects the same incident at the same time.
 */
@Document("incidents")
public record Incident(
        @Id String incidentId,
        String category,
        String department,
        String scope,
        String scopeValue,
        String settlement,
        String geoCell,
        int appealCountAtDetection,
        double baselineCount,
        Instant windowStart,
        Instant detectedAt,
        Instant lastAppealAt,
        List<String> appealIds,
        boolean published) {

    /** As after {@link Incidents#join}: the appeals added (none of them held before), the last appeal moved on. */
    Incident joined(List<String> added, Instant lastAppeal) {
        List<String> all = new ArrayList<>(appealIds);
        all.addAll(added);
        Instant last = lastAppeal.isAfter(lastAppealAt) ? lastAppeal : lastAppealAt;
        return new Incident(incidentId, category, department, scope, scopeValue, settlement, geoCell, appealCountAtDetection,
                baselineCount, windowStart, detectedAt, last, List.copyOf(all), published);
    }

    Incident announced() {
        return new Incident(incidentId, category, department, scope, scopeValue, settlement, geoCell, appealCountAtDetection,
                baselineCount, windowStart, detectedAt, lastAppealAt, appealIds, true);
    }
}
