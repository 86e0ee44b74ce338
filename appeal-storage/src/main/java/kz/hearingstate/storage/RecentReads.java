package kz.hearingstate.storage;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * Reads of a store kept for a short while, for data read far more often than it changes (the department
 * directory, the routing rules): one round trip per key every {@code freshFor} instead of one per use.
 *
 * <p>What a service must keep to: its writer calls {@link #forget} after each write it makes, so a change made
 * through this instance is seen by its next read at once; a change made by another instance is seen within
 * {@code freshFor}. Caffeine keeps the reads: its invalidation waits for a load of the same key in flight, so a
 * read that began before a change is never kept after it. Time comes from the service's {@link Clock}, so tests
 * move it; should the wall clock be stepped back (an NTP correction), a read is kept that much longer, which for
 * a few seconds of staleness between instances is accepted.
 */
public final class RecentReads<K, V> {

    /** How stale a read may be when another instance made the change: the bound the services document. */
    public static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final LoadingCache<K, V> kept;

    /**
     * @param maxKept bounds the memory when keys come from outside (codes named in free text)
     * @param load reads one key from the store; its result, empty ones too, is kept for {@link #FRESH_FOR}
     */
    public RecentReads(int maxKept, Clock clock, Function<K, V> load) {
        this.kept = Caffeine.newBuilder()
                .expireAfterWrite(FRESH_FOR)
                .maximumSize(maxKept)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build(load::apply);
    }

    public V get(K key) {
        return kept.get(key);
    }

    /** After a write of this key: the next read goes to the store. */
    public void forget(K key) {
        kept.invalidate(key);
    }
}
