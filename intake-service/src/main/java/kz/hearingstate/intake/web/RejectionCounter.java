package kz.hearingstate.intake.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.ProblemObserver;
import kz.hearingstate.web.problem.ProblemType;
import org.springframework.stereotype.Component;

/**
 * Counts refusals of what a channel or citizen sent (every POST answered with a problem) in
 * {@code appeals.rejected{reason=<problem slug>}}; a failed status lookup is no rejection.
 */
@Component
public class RejectionCounter implements ProblemObserver {

    public static final String REJECTED_METER = "appeals.rejected";

    private final MeterRegistry meters;

    public RejectionCounter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void answered(ApiException problem, HttpServletRequest request) {
        if (problem.type() != ProblemType.INTERNAL_ERROR && "POST".equals(request.getMethod())) {
            meters.counter(REJECTED_METER, "reason", problem.type().slug()).increment();
        }
    }
}
