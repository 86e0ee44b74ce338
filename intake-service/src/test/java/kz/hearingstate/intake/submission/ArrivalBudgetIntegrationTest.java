package kz.hearingstate.intake.submission;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import kz.hearingstate.intake.IntakeIntegrationTest;
import kz.hearingstate.intake.web.ArrivalStampingExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Overload seen from the socket: every one of Tomcat's threads busy, a submission queued behind them. Once it has
 * waited longer than the arrival budget, it must be answered 503 at once when a thread frees up, not parsed,
 * published and answered seconds later. A context of its own: 4 threads, a budget of 500 ms.
 */
@TestPropertySource(properties = {"server.tomcat.threads.max=4", "server.tomcat.threads.min-spare=1",
        "hearing.intake.admission.arrival-budget=" + ArrivalBudgetIntegrationTest.ARRIVAL_BUDGET_MILLIS + "ms"})
class ArrivalBudgetIntegrationTest extends IntakeIntegrationTest {

    static final long ARRIVAL_BUDGET_MILLIS = 500;

    /** The rest of a slow request's body, sent when the test lets go: {@code {}} padded, which intake answers 400. */
    private static final String REST_OF_BODY = "}" + " ".repeat(62);

    @Autowired
    ArrivalStampingExecutor requestThreads;
    @Autowired
    MeterRegistry meters;

    private final List<Socket> slowRequests = new ArrayList<>();

    @AfterEach
    void closeTheSlowRequests() throws IOException {
        for (Socket socket : slowRequests) {
            socket.close();
        }
        slowRequests.clear();
    }

    @Test
    void givenEveryRequestThreadBusy_whenASubmissionWaitedBeyondTheArrivalBudget_thenItGets503WithRetryAfterAtOnceAndNothingIsPublished()
            throws Exception {
        int threads = requestThreads.getMaximumPoolSize();
        for (int i = 0; i < threads; i++) {
            slowRequests.add(slowSubmission());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> requestThreads.getActiveCount() == threads);
        double refusedBefore = meters.counter(AdmissionGate.REFUSED_METER).count();
        String text = "Прошу вывезти мусор во дворе дома 5 в Узынагаше. " + UUID.randomUUID();

        long sentAt = System.nanoTime();
        CompletableFuture<HttpResponse<String>> queued = HTTP.sendAsync(HttpRequest.newBuilder(uri("/api/v1/appeals"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", DEMO_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(validAppeal(text), StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Thread.sleep(ARRIVAL_BUDGET_MILLIS + 300);
        assertThat(queued).as("no thread has taken it yet").isNotDone();

        long freedAt = System.nanoTime();
        for (Socket socket : slowRequests) {
            send(socket, REST_OF_BODY);
        }
        HttpResponse<String> refused = queued.get(30, TimeUnit.SECONDS);
        long answeredAfterFreeMillis = (System.nanoTime() - freedAt) / 1_000_000;

        assertOverloaded(refused);
        assertThat(meters.counter(AdmissionGate.REFUSED_METER).count()).isEqualTo(refusedBefore + 1);
        assertThat((freedAt - sentAt) / 1_000_000).isGreaterThan(ARRIVAL_BUDGET_MILLIS);
        assertThat(answeredAfterFreeMillis).as("answered as soon as a thread was free").isLessThan(1000);
        assertNotPublished(text);
    }

    /** A submission whose body stops after its first byte, so that it holds one of Tomcat's threads reading it. */
    private Socket slowSubmission() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        send(socket, "POST /api/v1/appeals HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: " + DEMO_KEY
                + "\r\nContent-Type: application/json\r\nContent-Length: " + (1 + REST_OF_BODY.length()) + "\r\n\r\n{");
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
