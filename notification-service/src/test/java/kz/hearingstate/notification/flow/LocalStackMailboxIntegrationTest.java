package kz.hearingstate.notification.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import kz.hearingstate.notification.delivery.NotificationStore;
import kz.hearingstate.notification.support.Appeals;
import kz.hearingstate.notification.support.IntegrationTestSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The service as the local stack runs it ({@code hearing.notification.embedded-smtp.enabled=true}, no other
 * SMTP server): an appeal with an e-mail address puts a real message in the embedded SMTP server within
 * 5 seconds, listed at {@code /api/v1/dev/mailbox}; its answer puts a second one there.
 */
@ExtendWith(OutputCaptureExtension.class)
class LocalStackMailboxIntegrationTest extends IntegrationTestSupport {

    private static final String GROUP = "notification-local-stack-test";
    private ConfigurableApplicationContext service;

    @Test
    void givenEmbeddedSmtp_whenAppealIsSubmittedAndAnswered_thenTheDevMailboxListsBothMessagesWithin5Seconds(CapturedOutput log)
            throws Exception {
        int smtpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        service = startInstance(GROUP, "notification-local-stack",
                "--hearing.notification.embedded-smtp.enabled=true",
                "--hearing.notification.embedded-smtp.port=" + smtpPort,
                "--spring.mail.port=" + smtpPort,
                "--logging.level.kz.hearingstate=DEBUG"); // every line the service writes about an appeal
        int httpPort = ((WebServerApplicationContext) service).getWebServer().getPort();
        String appealId = Appeals.newAppealId();
        String code = Appeals.trackingCodeOf(appealId);
        String email = "demo-" + appealId.substring(3, 11) + "@mail.kz";
        // A new consumer group first replays what earlier tests put on the topics: let that drain.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> caughtUp()
                && service.getBean(NotificationStore.class).due(Instant.now(), 1).isEmpty());
        assertThat(subjectsFor(httpPort, code)).isEmpty();

        publish(Topics.APPEALS_SUBMITTED, appealId, appealId + ":submitted", EventTypes.APPEAL_SUBMITTED,
                Appeals.submitted(appealId, "web", Language.kk, Appeals.citizen(ContactChannel.EMAIL, null, email, Language.kk)));
        await().atMost(Duration.ofSeconds(5)).until(() -> subjectsFor(httpPort, code).size() == 1);

        publish(Topics.APPEALS_LIFECYCLE, appealId, appealId + ":1", LifecycleType.ANSWERED.eventType(),
                Appeals.step(appealId, 1, LifecycleType.ANSWERED, "roads"));
        await().atMost(Duration.ofSeconds(5)).until(() -> subjectsFor(httpPort, code).size() == 2);

        assertThat(subjectsFor(httpPort, code)).containsExactly("Сіздің " + code + " өтінішіңіз тіркелді",
                "Сіздің " + code + " өтінішіңізге жауап");
        // GreenMail logs a new recipient with its address as the password, unless kept quiet. Not even masked: a
        // masked department mailbox next to an appeal id says where a confidential appeal went.
        assertThat(log.getAll()).contains("Recorded notification", "Sent notification").doesNotContain(email, "@mail.kz");
        // The mails hold answers and tracking codes: the mailbox is the operators', like the notification log.
        assertThat(mailbox(httpPort, null).statusCode()).isEqualTo(401);
        assertThat(mailbox(httpPort, "not-the-key").statusCode()).isEqualTo(401);
    }

    private boolean caughtUp() throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (String topic : List.of(Topics.APPEALS_SUBMITTED, Topics.APPEALS_LIFECYCLE)) {
                admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                        .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            }
            return admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS).entrySet().stream().allMatch(end ->
                    end.getValue().offset() == 0 || (committed.get(end.getKey()) != null
                            && committed.get(end.getKey()).offset() >= end.getValue().offset()));
        }
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static HttpResponse<String> mailbox(int httpPort, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/dev/mailbox"));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Subjects of the mailbox's messages about this appeal, in arrival order; recipients must come masked. */
    private List<String> subjectsFor(int httpPort, String trackingCode) throws Exception {
        HttpResponse<String> response = mailbox(httpPort, LOCAL_OPERATOR_KEY);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> subjects = new ArrayList<>();
        for (JsonNode mail : json.readTree(response.body())) {
            if (mail.get("subject").asString().contains(trackingCode)) {
                assertThat(mail.get("to").asString()).startsWith("d***@");
                subjects.add(mail.get("subject").asString());
            }
        }
        return subjects;
    }
}
