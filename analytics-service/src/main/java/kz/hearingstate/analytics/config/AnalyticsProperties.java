package kz.hearingstate.analytics.config;

import java.time.Duration;
import java.time.ZoneId;

import kz.hearingstate.analytics.hotspots.HotspotRule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hearing.analytics.*}.
 *
 * @param zone            time zone of the day, week and month buckets (the akimat's local time)
 * @param geoCellDegrees  size of a geo cell in degrees of latitude and longitude; coordinates are rounded
 *                        down to it, so analytics never keeps an exact location
 * @param metricsRefresh  how often the department gauges (backlog, SLA compliance) are recomputed
 * @param slaWindow       the SLA compliance gauge's window: the share of the appeals closed within it that were
 *                        closed by their deadline
 * @param hotspots        the surge rule
 */
@ConfigurationProperties("hearing.analytics")
public record AnalyticsProperties(
        @DefaultValue("Asia/Almaty") ZoneId zone,
        @DefaultValue("0.01") double geoCellDegrees,
        @DefaultValue("30s") Duration metricsRefresh,
        @DefaultValue("30d") Duration slaWindow,
        @DefaultValue Hotspots hotspots) {

    /**
     * A hotspot: at least {@code max(minCount, factor × baseline)} appeals of one category in one settlement
     * or geo cell within {@code window}, where baseline is the mean count of the {@code baselineWindows}
     * windows before it.
     *
     * @param currentPeriod  how long after its last appeal an incident still counts as current
     * @param announceRetry  how often the incidents whose announcement Kafka refused are sent again
     */
    public record Hotspots(
            @DefaultValue("6h") Duration window,
            @DefaultValue("8") int baselineWindows,
            @DefaultValue("5") int minCount,
            @DefaultValue("3.0") double factor,
            @DefaultValue("7d") Duration currentPeriod,
            @DefaultValue("30s") Duration announceRetry) {

        public Hotspots {
            if (window.compareTo(Duration.ofHours(1)) < 0) {
                // An incident's public id hashes the hour it was detected in (HotspotDetector#incidentId): two surges
                // of one place are told apart by it only while they are at least an hour apart.
                throw new IllegalArgumentException("hearing.analytics.hotspots.window must be at least 1h, not " + window);
            }
        }

        public HotspotRule rule() {
            return new HotspotRule(window, baselineWindows, minCount, factor);
        }
    }
}
