package kz.hearingstate.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code incident.detected.v1} on {@link Topics#INCIDENTS_DETECTED}: a surge of similar appeals
 * (same category, same settlement or geo cell) above the usual rate. No personal data.
 */
public record IncidentDetected(
        String incidentId,
        String category,
        String department,
        String settlement,
        String geoCell,
        int appealCount,
        double baselineCount,
        Instant windowStart,
        Instant windowEnd,
        List<String> appealIds,
        Instant detectedAt) {
}
