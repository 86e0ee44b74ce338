package kz.hearingstate.intake.channel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import kz.hearingstate.intake.config.IntakeProperties;
import org.springframework.stereotype.Component;

/**
 * One token bucket per channel, sized by {@code hearing.intake.channels.<id>.rate-limit}; a channel with a key but
 * no settings of its own gets the default bucket.
 */
@Component
public class ChannelRateLimits {

    private final IntakeProperties properties;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public ChannelRateLimits(IntakeProperties properties) {
        this.properties = properties;
    }

    public TokenBucket.Decision tryAcquire(String channel) {
        long now = System.nanoTime();
        return buckets.computeIfAbsent(channel, id -> {
            IntakeProperties.ChannelSettings settings = properties.channels().get(id);
            IntakeProperties.RateLimit limit = settings == null ? IntakeProperties.RateLimit.DEFAULT : settings.rateLimit();
            return new TokenBucket(limit.capacity(), limit.refillPerSecond(), now);
        }).tryTake(now);
    }
}
