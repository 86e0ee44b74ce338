package kz.hearingstate.notification.channel;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
 * Posts the message to the callback URL of the channel the appeal came through (an e-government app, a
 * chat bot), signed with that channel's secret: see {@link WebhookSignature}. The channel shows it to its
 * user; the payload names the appeal by id, tracking code and the channel's own {@code externalId}.
 */
@Component
public class WebhookChannel implements DeliveryChannel {

    public static final String NOTIFICATION_ID_HEADER = "X-Hearing-Notification-Id";

    private final NotificationProperties.Webhook settings;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient client;

    public WebhookChannel(NotificationProperties properties, JsonMapper json, Clock clock) {
        this.settings = properties.webhook();
        this.json = json;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public ContactChannel channel() {
        return ContactChannel.WEBHOOK;
    }

    @Override
    public void deliver(OutgoingMessage message) throws DeliveryFailedException {
        NotificationProperties.WebhookEndpoint endpoint = settings.channels().get(message.intakeChannel());
        if (endpoint == null || endpoint.url() == null || endpoint.secret() == null) {
            throw DeliveryFailedException.permanentFailure("no webhook configured for channel " + message.intakeChannel());
        }
        String body = json.writeValueAsString(payload(message));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header(NOTIFICATION_ID_HEADER, message.notificationId())
                .header(WebhookSignature.HEADER, WebhookSignature.header(endpoint.secret(), clock.instant(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponses.send(client, request, "webhook of channel " + message.intakeChannel());
    }

    private static Map<String, Object> payload(OutgoingMessage message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("notificationId", message.notificationId());
        payload.put("appealId", message.appealId());
        payload.put("trackingCode", message.trackingCode());
        payload.put("externalId", message.externalId());
        payload.put("template", message.template());
        payload.put("language", message.language().name());
        payload.put("subject", message.subject());
        payload.put("text", message.body());
        return payload;
    }
}
