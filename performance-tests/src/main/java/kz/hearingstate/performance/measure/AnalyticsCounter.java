package kz.hearingstate.performance.measure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How many appeals analytics has counted, from {@code GET /api/v1/stats/summary} ({@code figures.received}).
 * Analytics publishes nothing per appeal, so "counted" is observed by polling: {@link #sampleEvery}
 * keeps (time, count) pairs from which {@link CountedTimes} derives when each appeal was counted.
 *
 * <p>It counts the appeals received since {@link #countFrom} (all of them until that is called): the summary of all
 * time reads every appeal of the store, twice a second, and at 10^5 stored appeals that probe, not the pipeline,
 * was what a growth run measured.
 */
public final class AnalyticsCounter implements AutoCloseable {

    /** One observation: at {@code atMillis} (epoch), analytics had counted {@code count} appeals. */
    public record Observation(long atMillis, long count) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String summary;
    private volatile String window = "";
    private final List<Observation> observations = new ArrayList<>();
    private volatile boolean sampling;
    private Thread sampler;

    public AnalyticsCounter(String analyticsBaseUrl) {
        this.summary = analyticsBaseUrl + "/api/v1/stats/summary";
    }

    /** From now on, counts only the appeals received at or after {@code since}. */
    public void countFrom(Instant since) {
        window = "?from=" + since;
    }

    /** The count now, or empty when analytics does not answer with a count. */
    public OptionalLong count() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(summary + window)).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return OptionalLong.empty();
            }
            JsonNode received = JSON.readTree(response.body()).path("figures").path("received");
            return received.isNumber() ? OptionalLong.of(received.asLong()) : OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        } catch (Exception e) {
            return OptionalLong.empty();
        }
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
