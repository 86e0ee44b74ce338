package kz.hearingstate.notification.flow;

import static kz.hearingstate.notification.support.Appeals.ANSWER;
import static kz.hearingstate.notification.support.Appeals.DEADLINE_IN_ALMATY;
import static kz.hearingstate.notification.support.Appeals.EXTENDED_DEADLINE_IN_ALMATY;
import static kz.hearingstate.notification.support.Appeals.EXTENSION_REASON;
import static kz.hearingstate.notification.support.Appeals.FORWARD_REASON;
import static kz.hearingstate.notification.support.Appeals.INFO_REASON;
import static kz.hearingstate.notification.support.Appeals.OUTSIDE_BODY;
import static kz.hearingstate.notification.support.Appeals.REJECTION_REASON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;
import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import kz.hearingstate.notification.channel.WebhookChannel;
import kz.hearingstate.notification.channel.WebhookSignature;
import kz.hearingstate.notification.support.Appeals;
import kz.hearingstate.notification.support.IntegrationTestSupport;
import kz.hearingstate.notification.support.LocalHttpReceiver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Each kind of citizen message, in each language, through each channel: GreenMail for e-mail, a local
 * HTTP server for the SMS gateway and the channel's webhook (its signature verified).
 */
class CitizenNotificationIntegrationTest extends IntegrationTestSupport {

    /** The steps a citizen hears of, in order, with a text only that step's message contains. */
    private record Step(String template, LifecycleType type, List<String> mustContain) {
    }

    static Stream<Arguments> everyLanguageAndChannel() {
        return Stream.of(Language.values()).flatMap(language -> Stream.of(ContactChannel.EMAIL, ContactChannel.SMS,
                ContactChannel.WEBHOOK).map(channel -> Arguments.of(language, channel)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("everyLanguageAndChannel")
    void givenCitizenWithLanguageAndChannel_whenAppealGoesThroughEveryStep_thenEachStepReachesThemOnceInTheirLanguage(
            Language language, ContactChannel channel) throws Exception {
        String appealId = Appeals.newAppealId();
        String trackingCode = Appeals.trackingCodeOf(appealId);
        String email = "citizen-" + appealId.substring(3, 15) + "@mail.test";
        String phone = "+7701" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String intakeChannel = channel == ContactChannel.WEBHOOK ? WEBHOOK_CHANNEL : "web";
        String roadsName = Map.of(Language.kk, "Жол бөлімі", Language.ru, "Отдел дорог", Language.en, "Roads Department").get(language);
        String feedbackUrl = "https://appeals.test/appeals/" + trackingCode + "/feedback?lang=" + language.name();
        List<Step> steps = List.of(
                new Step("appeal-registered", null, List.of(DEADLINE_IN_ALMATY)),
                new Step("appeal-routed", LifecycleType.ROUTED, List.of(roadsName, DEADLINE_IN_ALMATY)),
                new Step("appeal-info-requested", LifecycleType.INFO_REQUESTED, List.of(INFO_REASON)),
                new Step("appeal-extended", LifecycleType.EXTENDED, List.of(EXTENDED_DEADLINE_IN_ALMATY, EXTENSION_REASON)),
                new Step("appeal-forwarded", LifecycleType.FORWARDED, List.of(OUTSIDE_BODY, FORWARD_REASON)),
                new Step("appeal-answered", LifecycleType.ANSWERED, List.of(ANSWER, feedbackUrl)),
                new Step("appeal-rejected", LifecycleType.REJECTED, List.of(REJECTION_REASON)));

        publish(Topics.APPEALS_SUBMITTED, appealId, appealId + ":submitted", EventTypes.APPEAL_SUBMITTED,
                Appeals.submitted(appealId, intakeChannel, Language.ru, Appeals.citizen(channel, phone, email, language)));
        // Each step is published once the previous message went out: notifications that become due in the same
        // millisecond have no defined order between them, and this test checks content, not that race.
        List<Delivered> delivered = awaitDelivered(channel, email, phone, appealId, 1);
        long sequence = 1;
        for (Step step : steps.subList(1, steps.size())) {
            publish(Topics.APPEALS_LIFECYCLE, appealId, appealId + ":" + sequence, step.type().eventType(),
                    Appeals.step(appealId, sequence++, step.type(), "roads"));
            delivered = awaitDelivered(channel, email, phone, appealId, (int) sequence);
        }

        assertThat(delivered).hasSize(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Delivered message = delivered.get(i);
            String[] subjectAndFirstLine = expectedSubjectAndGreeting(step.template(), language, trackingCode);
            if (channel != ContactChannel.SMS) {
                assertThat(message.subject()).as(step.template()).isEqualTo(subjectAndFirstLine[0]);
            }
            assertThat(message.text()).as(step.template()).startsWith(subjectAndFirstLine[1]).contains(trackingCode)
                    .contains(step.mustContain());
        }
    }

    private record Delivered(String subject, String text) {
    }

    private List<Delivered> awaitDelivered(ContactChannel channel, String email, String phone, String appealId, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> deliveredTo(channel, email, phone, appealId), list -> list.size() >= count);
    }

    private List<Delivered> deliveredTo(ContactChannel channel, String email, String phone, String appealId) throws Exception {
        List<Delivered> delivered = new ArrayList<>();
        switch (channel) {
            case EMAIL -> {
                for (MimeMessage mail : mailsTo(email)) {
                    delivered.add(new Delivered(mail.getSubject(), ((String) mail.getContent()).strip()));
                }
            }
            case SMS -> {
                for (LocalHttpReceiver.Received request : HTTP.received(SMS_PATH, phone)) {
                    assertThat(request.header("Authorization")).isEqualTo("Bearer " + SMS_TOKEN);
                    JsonNode body = json.readTree(request.body());
                    assertThat(body.get("to").asString()).isEqualTo(phone);
                    assertThat(body.get("reference").asString()).isNotBlank();
                    delivered.add(new Delivered(null, body.get("text").asString()));
                }
            }
            case WEBHOOK -> {
                for (LocalHttpReceiver.Received request : HTTP.received(WEBHOOK_PATH, appealId)) {
                    assertThat(WebhookSignature.verify(request.header(WebhookSignature.HEADER), request.body(),
                            WEBHOOK_SECRET, Instant.now(), Duration.ofMinutes(5))).as("signature verifies").isTrue();
                    JsonNode body = json.readTree(request.body());
                    assertThat(request.header(WebhookChannel.NOTIFICATION_ID_HEADER)).isEqualTo(body.get("notificationId").asString());
                    assertThat(body.get("externalId").asString()).isEqualTo("ext-" + appealId);
                    delivered.add(new Delivered(body.get("subject").asString(), body.get("text").asString()));
                }
            }
            default -> throw new IllegalArgumentException(channel.name());
        }
        return delivered;
    }

    /** The template file's subject (tracking code filled in) and the body's first line, read independently. */
    private static String[] expectedSubjectAndGreeting(String template, Language language, String trackingCode) throws IOException {
        String path = "templates/" + template + "/" + language.name() + ".txt";
        try (InputStream in = CitizenNotificationIntegrationTest.class.getClassLoader().getResourceAsStream(path)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            return new String[] {lines[0].substring("Subject: ".length()).replace("{{trackingCode}}", trackingCode), lines[2]};
        }
    }
}
