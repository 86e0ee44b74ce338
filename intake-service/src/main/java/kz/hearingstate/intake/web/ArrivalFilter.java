package kz.hearingstate.intake.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.hearingstate.intake.submission.AdmissionGate;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.ProblemResponses;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request: takes the time the request was queued for a thread
 * ({@link ArrivalStampingExecutor}), and refuses a submission to the JSON API that waited there beyond the
 * {@link AdmissionGate}'s arrival budget at once, before its key is checked or its body read. Under overload that
 * refusal costs almost nothing, so the queue drains fast and every caller hears 503 with Retry-After instead of
 * timing out. (Portal and Open311 submissions, fewer and in formats of their own, meet only the gate's bound.)
 */
public class ArrivalFilter extends OncePerRequestFilter {

    /** Matched as the request will be routed (its path decoded as UTF-8): "/api/v1/%61ppeals" is a submission too. */
    static final RequestMatcher SUBMISSIONS = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/appeals");

    private final AdmissionGate gate;
    private final ProblemResponses problems;

    public ArrivalFilter(AdmissionGate gate, ProblemResponses problems) {
        this.gate = gate;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long queuedAt = ArrivalStampingExecutor.takeQueuedAtNanos();
        if (queuedAt >= 0 && SUBMISSIONS.matches(request)) {
            try {
                gate.refuseIfWaitedTooLong(queuedAt);
            } catch (ApiException refused) {
                problems.write(refused, request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
