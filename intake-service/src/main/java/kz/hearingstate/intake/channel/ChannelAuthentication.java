package kz.hearingstate.intake.channel;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.hearingstate.intake.problem.ApiException;
import kz.hearingstate.intake.problem.ProblemKind;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every POST of the JSON API comes from a channel: its {@code X-Api-Key} names it (401 otherwise), and
 * its token bucket must have room (429 with Retry-After otherwise). Runs before the body is parsed.
 * The channel id is then available to controllers as the request attribute {@link #CHANNEL}.
 */
@Component
public class ChannelAuthentication implements HandlerInterceptor {

    public static final String CHANNEL = "kz.hearingstate.intake.channel";
    public static final String API_KEY_HEADER = "X-Api-Key";

    private final Channels channels;
    private final ChannelRateLimits rateLimits;

    public ChannelAuthentication(Channels channels, ChannelRateLimits rateLimits) {
        this.channels = channels;
        this.rateLimits = rateLimits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        request.setAttribute(CHANNEL, admit(request.getHeader(API_KEY_HEADER), ProblemKind.UNAUTHORIZED));
        return true;
    }

    /** The channel of the key if it may send now; else the refusal ({@code unknownKey} for a bad key). */
    public String admit(String apiKey, ProblemKind unknownKey) {
        String channel = channels.channelOf(apiKey).orElseThrow(() -> new ApiException(unknownKey));
        TokenBucket.Decision decision = rateLimits.tryAcquire(channel);
        if (!decision.allowed()) {
            throw new ApiException(ProblemKind.RATE_LIMITED, List.of(), decision.retryAfter());
        }
        return channel;
    }
}
