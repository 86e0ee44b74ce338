package kz.hearingstate.notification.channel;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.notification.NotificationProperties;
import kz.hearingstate.notification.delivery.DeliveryChannel;
import kz.hearingstate.notification.delivery.DeliveryFailedException;
import kz.hearingstate.notification.delivery.OutgoingMessage;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generic HTTP SMS gateway: {@code POST <url>} with {@code Authorization: Bearer <token>} and the JSON
 * body {@code {"to", "sender", "text", "reference"}}. {@code reference} is the notification id, which
 * gateways use to drop a repeated request. Any 2xx means accepted.
 */
@Component
public class SmsGatewayChannel implements DeliveryChannel {

    private final NotificationProperties.Sms settings;
    private final JsonMapper json;
    private final HttpClient client;

    public SmsGatewayChannel(NotificationProperties properties, JsonMapper json) {
        this.settings = properties.sms();
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public ContactChannel channel() {
        return ContactChannel.SMS;
    }

    @Override
    public void deliver(OutgoingMessage message) throws DeliveryFailedException {
        if (settings.url().isBlank()) {
            throw DeliveryFailedException.permanentFailure("no SMS gateway configured (hearing.notification.sms.url)");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("to", message.address());
        body.put("sender", settings.sender());
        body.put("text", message.body());
        body.put("reference", message.notificationId());
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + settings.token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        HttpResponses.send(client, request, "SMS gateway");
    }
}
