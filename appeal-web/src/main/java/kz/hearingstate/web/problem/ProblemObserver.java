package kz.hearingstate.web.problem;

import jakarta.servlet.http.HttpServletRequest;

/** Told of every problem answered (a service counts its refusals, for example). Must not throw. */
@FunctionalInterface
public interface ProblemObserver {

    void answered(ApiException problem, HttpServletRequest request);
}
