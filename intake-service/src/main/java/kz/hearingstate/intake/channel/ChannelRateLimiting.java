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
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Rate limits, before the controller binds the body, refused with 429 and Retry-After: every request on the citizen's
 * secret links ({@code /api/v1/appeals/access/**}) takes a token from its client address's bucket, with a channel
 * key or without (the secret decides there, not a key); every other POST of a channel (already authenticated by its
 * key) takes one from its channel's bucket. Guessing a 120-bit secret is hopeless anyway; this keeps anyone from
 * hammering the lookups. The path is the one the request was routed by ({@code /api/v1/%61ccess/...} is routed as
 * {@code access}), never the raw URI. Behind a reverse proxy, set {@code server.forward-headers-strategy} so that the
 * address is the client's.
 */
@Component
public class ChannelRateLimiting implements HandlerInterceptor {

    /** The citizen's secret links (status, replies and feedback), matched as the request is routed. */
    static final RequestMatcher CITIZEN_LINKS = PathPatternRequestMatcher.withDefaults().matcher("/api/v1/appeals/access/**");

    private final ChannelRateLimits rateLimits;

    public ChannelRateLimiting(ChannelRateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        TokenBucket.Decision decision = decision(request);
        if (decision != null && !decision.allowed()) {
            throw new ApiException(ProblemType.RATE_LIMITED, List.of(), decision.retryAfter());
        }
        return true;
    }

    private TokenBucket.Decision decision(HttpServletRequest request) {
        if (CITIZEN_LINKS.matches(request)) {
            return rateLimits.tryAcquireForAddress(request.getRemoteAddr());
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ApiPrincipal principal
                && principal.kind() == PrincipalKind.CHANNEL) {
            return "POST".equals(request.getMethod()) ? rateLimits.tryAcquire(principal.name()) : null;
        }
        return null;
    }
}
