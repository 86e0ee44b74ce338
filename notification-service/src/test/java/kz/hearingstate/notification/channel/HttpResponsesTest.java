package kz.hearingstate.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import kz.hearingstate.notification.delivery.DeliveryFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A receiver over real HTTP on loopback: its answers, and one that never finishes answering. */
class HttpResponsesTest {

    private HttpServer receiver;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/status/", exchange -> {
            int status = Integer.parseInt(exchange.getRequestURI().getPath().substring("/status/".length()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        // Headers at once, then a body that trickles a byte a second and never ends.
        receiver.createContext("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                while (true) {
                    body.write('.');
                    body.flush();
                    Thread.sleep(1000);
                }
            } catch (IOException | InterruptedException gone) {
                // the client gave up
            }
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void givenAReceiverThatTricklesItsAnswer_whenSending_thenItIsATransientFailureWithinTheTimeOutNotAWaitForEver() {
        DeliveryFailedException failure = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> failureOf(request("/trickle", Duration.ofMillis(1500))));
        assertThat(failure.permanent()).isFalse();
        assertThat(failure.getMessage()).contains("did not answer within");
    }

    @Test
    void givenRefusals_whenSending_thenOnlyThoseThatWillStayWrongArePermanent() throws Exception {
        HttpResponses.send(client, request("/status/204", Duration.ofSeconds(5)), "receiver");
        for (int status : new int[] {400, 410, 413, 415, 422}) {
            assertThat(failureOf(request("/status/" + status, Duration.ofSeconds(5))).permanent()).as("HTTP " + status).isTrue();
        }
        // An expired token or a misconfigured address is fixed by an operator; the notification stays due meanwhile.
        for (int status : new int[] {401, 403, 404, 408, 429, 500, 503}) {
            assertThat(failureOf(request("/status/" + status, Duration.ofSeconds(5))).permanent()).as("HTTP " + status).isFalse();
        }
    }

    private DeliveryFailedException failureOf(HttpRequest request) {
        try {
            HttpResponses.send(client, request, "receiver");
        } catch (DeliveryFailedException e) {
            return e;
        }
        throw new AssertionError("sent without a failure");
    }

    private HttpRequest request(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + path))
                .timeout(timeout).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }
}
