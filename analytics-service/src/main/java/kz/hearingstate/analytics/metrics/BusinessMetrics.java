package kz.hearingstate.analytics.metrics;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import kz.hearingstate.analytics.figures.DepartmentGauges;

/**
 * The business meters analytics owns. Counters count what this instance processed; the department
 * gauges are recomputed from the facts ({@link DepartmentGauges}), so they are right after a restart too.
 */
public class BusinessMetrics {

    public static final String COUNTED_METER = "appeals.counted";

    private final MeterRegistry registry;
    private final Counter counted;
    private final MultiGauge backlog;
    private final MultiGauge overdue;
    private final MultiGauge slaCompliance;

    public BusinessMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.counted = Counter.builder(COUNTED_METER).description("Appeals whose submission this instance recorded, each once")
                .register(registry);
        this.backlog = MultiGauge.builder("appeals.backlog").description("Open appeals, by department")
                .baseUnit("appeals").register(registry);
        this.overdue = MultiGauge.builder("appeals.overdue").description("Open appeals past their deadline, by department")
                .baseUnit("appeals").register(registry);
        this.slaCompliance = MultiGauge.builder("appeals.sla.compliance")
                .description("Share of the appeals closed in the last SLA window (30 days by default) closed by their "
                        + "deadline, 0..1, by department").register(registry);
    }

    /**
     * The appeals whose submission this instance recorded, each once (a redelivered one changes no fact): ops see
     * analytics keep up with intake's {@code appeals.received}, and the benchmark reads when appeals were counted
     * from it, instead of computing the public summary twice a second. Registered at start, so it reads 0 before the first.
     */
    public void counted(int appeals) {
        counted.increment(appeals);
    }

    public void answered(String department) {
        registry.counter("appeals.answered", "department", department == null ? "unassigned" : department).increment();
    }

    public void incidentDetected(String category) {
        registry.counter("incidents.detected", "category", category).increment();
    }

    public void refreshDepartments(List<DepartmentGauges> departments) {
        backlog.register(departments.stream().map(d -> MultiGauge.Row.of(Tags.of("department", d.department()),
                d.open())).toList(), true);
        overdue.register(departments.stream().map(d -> MultiGauge.Row.of(Tags.of("department", d.department()),
                d.overdue())).toList(), true);
        slaCompliance.register(departments.stream().filter(d -> d.slaCompliance().rate() != null)
                .map(d -> MultiGauge.Row.of(Tags.of("department", d.department()), d.slaCompliance().rate()))
                .toList(), true);
    }
}
