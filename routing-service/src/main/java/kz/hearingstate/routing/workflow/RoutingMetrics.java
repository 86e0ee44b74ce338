package kz.hearingstate.routing.workflow;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The service's own meters. Tags are low-cardinality: department codes, action types, outcomes.
 * <ul>
 *   <li>{@code appeals.routed{department}}: appeals routed (first routing, re-routing and reopening)</li>
 *   <li>{@code appeals.triaged}: appeals sent to the triage desk for lack of confidence</li>
 *   <li>{@code appeals.rejected.anonymous}: anonymous appeals not considered</li>
 *   <li>{@code appeal.routing.latency}: from intake's receipt to routing (percentile histogram)</li>
 *   <li>{@code appeals.sla.warning{department}}, {@code appeals.sla.breached{department}}</li>
 *   <li>{@code appeals.actions{action,department,outcome}}: department actions, applied or refused</li>
 * </ul>
 */
@Component
public class RoutingMetrics {

    private final MeterRegistry registry;
    private final Timer routingLatency;

    public RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.routingLatency = Timer.builder("appeal.routing.latency")
                .description("From the appeal's receipt by intake to its routing")
                .publishPercentileHistogram()
                .register(registry);
    }

    public void routed(String department) {
        Counter.builder("appeals.routed").tag("department", department).register(registry).increment();
    }

    public void triaged() {
        registry.counter("appeals.triaged").increment();
    }

    public void rejectedAnonymous() {
        registry.counter("appeals.rejected.anonymous").increment();
    }

    public void routingLatency(Duration latency) {
        if (!latency.isNegative()) {
            routingLatency.record(latency);
        }
    }

    public void slaWarning(String department) {
        registry.counter("appeals.sla.warning", "department", department).increment();
    }

    public void slaBreached(String department) {
        registry.counter("appeals.sla.breached", "department", department).increment();
    }

    public void action(String action, String department, String outcome) {
        registry.counter("appeals.actions", "action", action, "department", department, "outcome", outcome).increment();
    }
}
