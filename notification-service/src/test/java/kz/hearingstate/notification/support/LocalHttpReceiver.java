package kz.hearingstate.notification.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback standing in for the SMS gateway and the channels' webhook receivers.
 * It records every request; a request whose body contains a registered marker is answered 503 as many
 * times as asked, then 200.
 */
public final class LocalHttpReceiver implements AutoCloseable {

    public record Received(String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    public LocalHttpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answer 503 to the next {@code times} requests whose body contains {@code marker}. */
    public void failTimes(String marker, int times) {
        failuresLeft.put(marker, new AtomicInteger(times));
    }

    public List<Received> received(String path, String bodyFragment) {
        return received.stream().filter(r -> r.path().equals(path) && r.body().contains(bodyFragment)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> String.join(",", e.getValue())));
        received.add(new Received(exchange.getRequestURI().getPath(), headers, body));
        boolean fail = failuresLeft.entrySet().stream()
                .anyMatch(e -> body.contains(e.getKey()) && e.getValue().getAndDecrement() > 0);
        byte[] answer = (fail ? "{\"error\":\"unavailable\"}" : "{\"status\":\"accepted\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(fail ? 503 : 200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
