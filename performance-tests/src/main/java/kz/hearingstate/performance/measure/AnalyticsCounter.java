package kz.hearingstate.performance.measure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;


/**
 * How many appeals analytics has counted: its {@code appeals.counted} counter (each appeal once, when its submission
 * is recorded), read from {@code GET /actuator/prometheus}. Analytics publishes nothing per appeal, so "counted" is
 * observed by polling: {@link #sampleEvery} keeps (time, count) pairs from which {@link CountedTimes} derives when
 * each appeal was counted. A run takes the count at its start and counts from there. Every appeal counts, not only the
 * run's: a run that starts while appeals of an earlier one are still uncounted (its wait for them ended, which the
 * benchmark logs) counts those first, and its counted times come out early.
 *
 * <p>Not the public summary: computing it reads every fact of its period, and polled twice a second it was 41 % of
 * analytics' CPU samples in a full run (6 Dec 2026), and load on the store besides, so the probe slowed the consumer
 * it timed. Rendering the meters costs the same at any store size.
 */
public final class AnalyticsCounter implements AutoCloseable {

    /** One observation: at {@code atMillis} (epoch), analytics had counted {@code count} appeals. */
    public record Observation(long atMillis, long count) {
    }

    /** The counter's sample lines in Prometheus' text format (with its tags). */
    private static final String COUNTED_SAMPLE = "appeals_counted_total";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI prometheus;
    private final List<Observation> observations = new ArrayList<>();
    private volatile boolean sampling;
    private Thread sampler;

    public AnalyticsCounter(String analyticsBaseUrl) {
        this.prometheus = URI.create(analyticsBaseUrl + "/actuator/prometheus");
    }

    /** The count now, or empty when analytics does not answer with one. */
    public OptionalLong count() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(10))
                    .header("Accept", "text/plain").GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? countIn(response.body()) : OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        } catch (Exception e) {
            return OptionalLong.empty();
        }
    }

    /** The counter's value in a Prometheus text page: its samples summed, empty before the first appeal registers it. */
    static OptionalLong countIn(String page) {
        double total = 0;
        boolean found = false;
        for (String line : page.split("\n")) {
            if (line.startsWith(COUNTED_SAMPLE + "{") || line.startsWith(COUNTED_SAMPLE + " ")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? OptionalLong.of(Math.round(total)) : OptionalLong.empty();
    }

    /** Polls the count every {@code interval} in the background until {@link #stopSampling()}. */
    public void sampleEvery(Duration interval) {
        synchronized (observations) {
            observations.clear();
        }
        sampling = true;
        sampler = Thread.ofPlatform().name("analytics-counter").daemon().start(() -> {
            while (sampling) {
                count().ifPresent(count -> {
                    synchronized (observations) {
                        observations.add(new Observation(System.currentTimeMillis(), count));
                    }
                });
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    public List<Observation> stopSampling() {
        sampling = false;
        if (sampler != null) {
            sampler.interrupt();
            try {
                sampler.join(15000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (observations) {
            return List.copyOf(observations);
        }
    }

    @Override
    public void close() {
        stopSampling();
    }
}
