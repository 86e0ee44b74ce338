package kz.hearingstate.analytics.metrics;

import kz.hearingstate.analytics.figures.StatsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Recomputes the department gauges every {@code hearing.analytics.metrics-refresh}. */
@Component
class DepartmentGaugeRefresher {

    private static final Logger log = LoggerFactory.getLogger(DepartmentGaugeRefresher.class);

    private final StatsService stats;
    private final BusinessMetrics metrics;

    DepartmentGaugeRefresher(StatsService stats, BusinessMetrics metrics) {
        this.stats = stats;
        this.metrics = metrics;
    }

    @Scheduled(fixedDelayString = "${hearing.analytics.metrics-refresh:30s}", initialDelayString = "${hearing.analytics.metrics-refresh:30s}")
    void refresh() {
        try {
            metrics.refreshDepartments(stats.departments(StatsService.Period.allTime()));
        } catch (RuntimeException e) {
            // Keep the last values; the next run tries again. MongoDB may be restarting.
            log.warn("Could not refresh the department gauges: {}", e.toString());
        }
    }
}
