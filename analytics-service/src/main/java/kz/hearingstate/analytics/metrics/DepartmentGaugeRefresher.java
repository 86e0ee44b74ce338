package kz.hearingstate.analytics.metrics;

import java.util.List;

import kz.hearingstate.analytics.directory.DepartmentDirectory;
import kz.hearingstate.analytics.directory.DepartmentEntry;
import kz.hearingstate.analytics.figures.StatsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recomputes the department gauges every {@code hearing.analytics.metrics-refresh}, from the open and the recently
 * closed appeals only: at 10^5 stored appeals, reading every fact took a 51 MB reply each time.
 */
@Component
class DepartmentGaugeRefresher {

    private static final Logger log = LoggerFactory.getLogger(DepartmentGaugeRefresher.class);

    private final StatsService stats;
    private final DepartmentDirectory directory;
    private final BusinessMetrics metrics;

    DepartmentGaugeRefresher(StatsService stats, DepartmentDirectory directory, BusinessMetrics metrics) {
        this.stats = stats;
        this.directory = directory;
        this.metrics = metrics;
    }

    @Scheduled(fixedDelayString = "${hearing.analytics.metrics-refresh:30s}", initialDelayString = "${hearing.analytics.metrics-refresh:30s}")
    void refresh() {
        try {
            List<String> departments = directory.publicDepartments().stream().map(DepartmentEntry::code).toList();
            metrics.refreshDepartments(stats.departmentGauges(departments));
        } catch (RuntimeException e) {
            // Keep the last values; the next run tries again. MongoDB may be restarting.
            log.warn("Could not refresh the department gauges: {}", e.toString());
        }
    }
}
