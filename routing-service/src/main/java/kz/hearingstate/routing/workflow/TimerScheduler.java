package kz.hearingstate.routing.workflow;

import kz.hearingstate.routing.RoutingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code hearing.routing.timers.interval}: fires due legal-clock steps and re-sends events that
 * a crash or an outage left unpublished. Safe to run on every instance at once (see {@link WorkflowService#fireDueTimers}).
 */
@Component
public class TimerScheduler {

    private static final Logger log = LoggerFactory.getLogger(TimerScheduler.class);

    private final WorkflowService workflow;
    private final RoutingProperties properties;

    public TimerScheduler(WorkflowService workflow, RoutingProperties properties) {
        this.workflow = workflow;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${hearing.routing.timers.interval:30s}", initialDelayString = "${hearing.routing.timers.interval:30s}")
    public void tick() {
        // Two jobs, each failing on its own: a failed timer round must not keep pending events from going out.
        try {
            workflow.fireDueTimers();
        } catch (RuntimeException e) {
            log.warn("Timer round failed, next round retries: {}", e.toString());
        }
        try {
            workflow.republishStale(properties.timers().republishAfter());
        } catch (RuntimeException e) {
            log.warn("Re-sending pending events failed, next round retries: {}", e.toString());
        }
    }
}
