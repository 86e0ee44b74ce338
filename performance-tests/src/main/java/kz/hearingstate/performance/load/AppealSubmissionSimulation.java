package kz.hearingstate.performance.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Citizens submitting appeals to intake. Open model by default ({@code constantUsersPerSec}: arrivals
 * do not wait for answers, so a slow server cannot slow the load down and hide its own latency); the
 * closed model ({@code constantConcurrentUsers}) is only used to find the maximum throughput.
 *
 * <p>Parameters are system properties, so the same class runs from the benchmark and by hand against any
 * running intake (docs/benchmarks/README.md says how):
 * {@code bench.baseUrl}, {@code bench.apiKey}, {@code bench.run} (idempotency-key prefix),
 * {@code bench.rate} (arrivals/s, open model) or {@code bench.concurrency} (closed model), {@code bench.seconds}.
 */
public class AppealSubmissionSimulation extends Simulation {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    public AppealSubmissionSimulation() {
        String run = System.getProperty("bench.run", "manual-" + System.currentTimeMillis());
        String apiKey = System.getProperty("bench.apiKey", "");
        Duration duration = Duration.ofSeconds(Long.getLong("bench.seconds", 20));

        HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("bench.baseUrl", "http://127.0.0.1:8081"))
                .contentTypeHeader("application/json")
                .acceptHeader("application/json")
                // One shared keep-alive pool, as a channel gateway would hold, instead of a TCP handshake per arrival.
                .shareConnections();

        ScenarioBuilder submit = scenario("submit appeal")
                .exec(session -> session.set("sequence", SEQUENCE.incrementAndGet()))
                .exec(http("POST /api/v1/appeals")
                        .post("/api/v1/appeals")
                        .header("X-Api-Key", apiKey)
                        .header("Idempotency-Key", session -> run + "-" + session.getLong("sequence"))
                        .body(StringBody(session -> AppealBodies.appealJson(session.getLong("sequence"))))
                        // Classified by the benchmark, not by Gatling: any status is recorded, none aborts the user.
                        .check(status().saveAs("status"),
                                responseTimeInMillis().saveAs("responseTime"),
                                jsonPath("$.appealId").optional().saveAs("appealId")))
                .exec(session -> {
                    int status = session.contains("status") ? session.getInt("status") : 0;
                    long responseTime = session.contains("responseTime") ? session.getLong("responseTime") : -1;
                    SubmissionLog.record(new SubmissionLog.Submission(
                            session.contains("appealId") ? session.getString("appealId") : null,
                            status, responseTime, System.currentTimeMillis()));
                    return session;
                });

        Integer concurrency = Integer.getInteger("bench.concurrency");
        PopulationBuilder population = concurrency != null
                ? submit.injectClosed(constantConcurrentUsers(concurrency).during(duration))
                : submit.injectOpen(constantUsersPerSec(Double.parseDouble(System.getProperty("bench.rate", "10")))
                        .during(duration));
        setUp(population).protocols(protocol);
    }
}
