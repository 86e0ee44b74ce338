package kz.hearingstate.analytics.ingest;

import kz.hearingstate.analytics.hotspots.HotspotDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends again, every {@code hearing.analytics.hotspots.announce-retry}, the incidents whose announcement Kafka refused
 * ({@link HotspotDetector#announceUnpublished()}): the batch that found them is redelivered with its facts already
 * applied, so nothing else would ever announce them.
 */
@Component
class IncidentAnnouncementRetry {

    private static final Logger log = LoggerFactory.getLogger(IncidentAnnouncementRetry.class);

    private final HotspotDetector hotspots;

    IncidentAnnouncementRetry(HotspotDetector hotspots) {
        this.hotspots = hotspots;
    }

    @Scheduled(fixedDelayString = "${hearing.analytics.hotspots.announce-retry:30s}",
            initialDelayString = "${hearing.analytics.hotspots.announce-retry:30s}")
    void retry() {
        try {
            int announced = hotspots.announceUnpublished();
            if (announced > 0) {
                log.info("Announced {} incidents whose first announcement had failed", announced);
            }
        } catch (RuntimeException e) {
            // Kafka or MongoDB may still be away: the next round tries again.
            log.warn("Could not announce the unannounced incidents: {}", e.toString());
        }
    }
}
