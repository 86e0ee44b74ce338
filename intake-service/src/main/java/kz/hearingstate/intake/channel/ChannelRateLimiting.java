package kz.hearingstate.intake.channel;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.ProblemType;
import kz.hearingstate.web.security.ApiPrincipal;
import kz.hearingstate.web.security.PrincipalKind;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every POST of a channel (already authenticated by its key) takes a token from its channel's bucket, or is
 * refused with 429 and Retry-After, before the controller binds the body.
 */
@Component
public class ChannelRateLimiting implements HandlerInterceptor {

    private final ChannelRateLimits rateLimits;

    public ChannelRateLimiting(ChannelRateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if ("POST".equals(request.getMethod()) && authentication != null
                && authentication.getPrincipal() instanceof ApiPrincipal principal && principal.kind() == PrincipalKind.CHANNEL) {
            TokenBucket.Decision decision = rateLimits.tryAcquire(principal.name());
            if (!decision.allowed()) {
                throw new ApiException(ProblemType.RATE_LIMITED, List.of(), decision.retryAfter());
            }
        }
        return true;
    }
}
