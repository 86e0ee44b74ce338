package kz.hearingstate.notification.channel;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import kz.hearingstate.notification.delivery.DeliveryFailedException;

/** Sends one HTTP request for a channel and turns the answer into success or a (transient or permanent) failure. */
final class HttpResponses {

    static void send(HttpClient client, HttpRequest request, String receiver) throws DeliveryFailedException {
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw DeliveryFailedException.transientFailure(receiver + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailedException.transientFailure(receiver + " call interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String failure = receiver + " answered HTTP " + status;
        // 4xx says this very request is wrong and will stay wrong, except for timeouts and rate limits.
        boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
        throw permanent ? DeliveryFailedException.permanentFailure(failure)
                : DeliveryFailedException.transientFailure(failure, null);
    }

    private HttpResponses() {
    }
}
