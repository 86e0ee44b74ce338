package kz.hearingstate.intake.channel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import kz.hearingstate.intake.config.IntakeProperties;
import org.springframework.stereotype.Component;

/**
 * Token buckets: one per channel, sized by {@code hearing.intake.channels.<id>.rate-limit} (a channel with a key
 * but no settings of its own gets the default bucket), and one per client address for the requests that carry no
 * channel key (the citizen's secret links), sized by {@code hearing.intake.lookup-rate-limit}. Address buckets that
 * have filled up again are dropped once there are more than {@link #MAX_ADDRESSES}, so many addresses cannot grow
 * the map without bound.
 */
@Component
public class ChannelRateLimits {

    static final int MAX_ADDRESSES = 10_000;

    private final IntakeProperties properties;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> addressBuckets = new ConcurrentHashMap<>();

    public ChannelRateLimits(IntakeProperties properties) {
        this.properties = properties;
    }

    public TokenBucket.Decision tryAcquire(String channel) {
        long now = System.nanoTime();
        return buckets.computeIfAbsent(channel, id -> {
            IntakeProperties.ChannelSettings settings = properties.channels().get(id);
            IntakeProperties.RateLimit limit = settings == null ? IntakeProperties.RateLimit.DEFAULT : settings.rateLimit();
            return bucket(limit, now);
        }).tryTake(now);
    }

    public TokenBucket.Decision tryAcquireForAddress(String address) {
        long now = System.nanoTime();
        if (addressBuckets.size() > MAX_ADDRESSES) {
            addressBuckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return addressBuckets.computeIfAbsent(address, a -> bucket(properties.lookupRateLimit(), now)).tryTake(now);
    }

    private static TokenBucket bucket(IntakeProperties.RateLimit limit, long now) {
        return new TokenBucket(limit.capacity(), limit.refillPerSecond(), now);
    }
}
