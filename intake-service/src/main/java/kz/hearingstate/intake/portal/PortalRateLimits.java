package kz.hearingstate.intake.portal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import kz.hearingstate.intake.channel.TokenBucket;
import kz.hearingstate.intake.config.IntakeProperties.RateLimit;
import org.springframework.stereotype.Component;

/**
 * The portal's limits per client address (the channel's own bucket does not apply: every citizen shares the
 * portal channel). Buckets back at capacity are forgotten once there are more than {@link #MAX_ADDRESSES}, so
 * many addresses cannot grow the maps without bound. Behind a reverse proxy, set
 * {@code server.forward-headers-strategy} so that the address is the client's.
 */
@Component
class PortalRateLimits {

    static final int MAX_ADDRESSES = 10_000;

    private final PortalProperties properties;
    private final Map<String, TokenBucket> posts = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> lookups = new ConcurrentHashMap<>();

    PortalRateLimits(PortalProperties properties) {
        this.properties = properties;
    }

    TokenBucket.Decision post(String address) {
        return take(posts, properties.submitRateLimit(), address);
    }

    TokenBucket.Decision lookup(String address) {
        return take(lookups, properties.lookupRateLimit(), address);
    }

    private static TokenBucket.Decision take(Map<String, TokenBucket> buckets, RateLimit limit, String address) {
        long now = System.nanoTime();
        if (buckets.size() > MAX_ADDRESSES) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(address, a -> new TokenBucket(limit.capacity(), limit.refillPerSecond(), now))
                .tryTake(now);
    }
}
