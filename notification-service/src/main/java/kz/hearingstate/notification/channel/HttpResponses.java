package kz.hearingstate.notification.channel;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kz.hearingstate.notification.delivery.DeliveryFailedException;

/** Sends one HTTP request for a channel and turns the answer into success or a (transient or permanent) failure. */
final class HttpResponses {

    /**
     * Answers that say this very request is wrong and will stay wrong. Any other refusal may pass later: a token that
     * expired (401, 403) or an address misconfigured (404) is fixed by an operator, and the notification is then still
     * due, not lost.
     */
    private static final Set<Integer> PERMANENT = Set.of(400, 410, 413, 415, 422);

    /**
     * Within the request's time-out, the whole exchange: the client's own time-out ends once the headers arrive, and a
     * receiver that then trickles its body would hold the delivery round for ever.
     */
    static void send(HttpClient client, HttpRequest request, String receiver) throws DeliveryFailedException {
        Duration limit = request.timeout().orElseThrow(() -> new IllegalArgumentException("a channel's request needs a time-out"));
        CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> response;
        try {
            response = exchange.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw DeliveryFailedException.transientFailure(receiver + " did not answer within " + limit, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw DeliveryFailedException.transientFailure(receiver + " unreachable: " + cause, cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw DeliveryFailedException.transientFailure(receiver + " call interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String failure = receiver + " answered HTTP " + status;
        throw PERMANENT.contains(status) ? DeliveryFailedException.permanentFailure(failure)
                : DeliveryFailedException.transientFailure(failure, null);
    }

    private HttpResponses() {
    }
}
