package kz.hearingstate.notification.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import kz.hearingstate.events.Citizen;
import kz.hearingstate.events.CloudEventHeaders;
import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import kz.hearingstate.notification.delivery.Notification;
import kz.hearingstate.notification.delivery.NotificationStatus;
import kz.hearingstate.notification.delivery.NotificationStore;
import kz.hearingstate.notification.delivery.PlannedNotification;
import kz.hearingstate.notification.delivery.RecipientRole;
import kz.hearingstate.notification.planning.ParkedLifecycleEvents;
import kz.hearingstate.notification.support.Appeals;
import kz.hearingstate.notification.support.IntegrationTestSupport;
import kz.hearingstate.testing.TopicRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The batch consumers as a poll hands them many records at once: an instance of its own group starts after
 * the records are on the topics, so it reads them in a few large batches (earlier tests' records included,
 * which is why it has its own SMTP server and SMS gateway). The gateway answers slowly and notes which
 * requests overlap, so the test sees appeals sent at the same time and each appeal's messages in order.
 */
class BatchConsumptionIntegrationTest extends IntegrationTestSupport {

    private static final Duration GATEWAY_DELAY = Duration.ofMillis(200);

    private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    private final SlowSmsGateway gateway = new SlowSmsGateway();
    private ConfigurableApplicationContext instance;

    @Test
    void givenManyAppealsAndAPoisonRecordInOneBatch_whenConsumed_thenPoisonIsDeadLetteredEachCitizenIsToldOnceAppealsGoOutTogetherAndEachInOrder()
            throws Exception {
        String group = "notification-batch-" + Appeals.newAppealId().substring(3, 11);
        List<String> smsAppeals = new ArrayList<>();
        List<String> emailAppeals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String appealId = Appeals.newAppealId();
            smsAppeals.add(appealId);
            submit(appealId, Appeals.citizen(ContactChannel.SMS, phoneOf(appealId), null, Language.ru));
            emailAppeals.add(Appeals.newAppealId());
            submit(emailAppeals.getLast(), Appeals.citizen(ContactChannel.EMAIL, null, emailOf(emailAppeals.getLast()),
                    Language.en));
        }
        String poisonId = "poison-" + group;
        send(Topics.APPEALS_LIFECYCLE, null, emailAppeals.getFirst(), poisonId, LifecycleType.ROUTED.eventType(),
                "{not json".getBytes(StandardCharsets.UTF_8));
        for (List<String> appeals : List.of(smsAppeals, emailAppeals)) {
            for (String appealId : appeals) {
                change(appealId, 1, LifecycleType.ROUTED);
                change(appealId, 2, LifecycleType.INFO_REQUESTED);
                change(appealId, 3, LifecycleType.ANSWERED);
            }
        }

        instance = start(group, group);

        // Each SMS citizen hears of the registration and of the three changes, once each.
        await().atMost(Duration.ofSeconds(90)).until(() -> smsAppeals.stream().allMatch(id -> gateway.to(phoneOf(id)).size() == 4));
        await().atMost(Duration.ofSeconds(30)).until(() -> emailAppeals.stream().allMatch(id -> mailsFor(emailOf(id)) == 4));
        try (TopicRecorder deadLetters = new TopicRecorder(broker.getBrokersAsString(),
                List.of(Topics.deadLetter(Topics.APPEALS_LIFECYCLE, group)))) {
            // Earlier tests' poison records on the topic are this group's dead letters too.
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.records(Topics.deadLetter(Topics.APPEALS_LIFECYCLE, group))
                    .stream().anyMatch(r -> poisonId.equals(TopicRecorder.header(r, CloudEventHeaders.ID))));
        }
        for (String appealId : smsAppeals) {
            List<String> changes = gateway.to(phoneOf(appealId)).stream()
                    .filter(reference -> !reference.equals(citizenNotification(appealId + ":submitted")))
                    .toList();
            assertThat(changes).as("appeal %s's changes, in the order sent", appealId).containsExactly(
                    citizenNotification(appealId + ":1"),
                    citizenNotification(appealId + ":2"),
                    citizenNotification(appealId + ":3"));
        }
        assertThat(gateway.mostAtOnceForOneRecipient()).as("one appeal's messages overlapping").isEqualTo(1);
        assertThat(gateway.mostAtOnce()).as("appeals sent at the same time").isGreaterThan(1);
        Thread.sleep(1000); // a repeat would arrive within a round or two
        assertThat(smsAppeals).allSatisfy(id -> assertThat(gateway.to(phoneOf(id))).hasSize(4));
        assertThat(emailAppeals).allSatisfy(id -> assertThat(mailsFor(emailOf(id))).isEqualTo(4));
    }

    /**
     * The two topics are read independently, so a change can arrive before its appeal's submission: it waits
     * (parked) for the citizen's contact, and the citizen then hears of the registration first and of every change
     * after it, once each.
     */
    @Test
    void givenChangesThatArriveBeforeTheirSubmissions_whenTheSubmissionsFollow_thenEachCitizenHearsEveryStepOnceInOrder()
            throws Exception {
        String group = "notification-parked-" + Appeals.newAppealId().substring(3, 11);
        List<String> appeals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            appeals.add(Appeals.newAppealId());
            change(appeals.getLast(), 1, LifecycleType.ROUTED);
            change(appeals.getLast(), 2, LifecycleType.INFO_REQUESTED);
        }

        instance = start(group, group);
        ParkedLifecycleEvents parked = instance.getBean(ParkedLifecycleEvents.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> parked.forAppeals(appeals).size() == 2 * appeals.size());
        assertThat(appeals).allSatisfy(id -> assertThat(gateway.to(phoneOf(id))).as("told before the submission").isEmpty());

        for (String appealId : appeals) {
            submit(appealId, Appeals.citizen(ContactChannel.SMS, phoneOf(appealId), null, Language.kk));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> appeals.stream().allMatch(id -> gateway.to(phoneOf(id)).size() == 3));
        Thread.sleep(1000); // a repeat would arrive within a round or two
        for (String appealId : appeals) {
            assertThat(gateway.to(phoneOf(appealId))).as("appeal %s, in the order sent", appealId).containsExactly(
                    citizenNotification(appealId + ":submitted"),
                    citizenNotification(appealId + ":1"),
                    citizenNotification(appealId + ":2"));
        }
        assertThat(parked.forAppeals(appeals)).as("released once told").isEmpty();
    }

    /**
     * A crash in the middle of a batch: every notification of the batch was recorded (one write), two had gone out
     * and were marked SENT, two were being sent when the instance died. The whole batch is delivered again.
     */
    @Test
    void givenACrashInTheMiddleOfABatch_whenTheWholeBatchIsDeliveredAgain_thenEachCitizenIsToldExactlyOnce() throws Exception {
        String group = "notification-redelivery-" + Appeals.newAppealId().substring(3, 11);
        List<String> appeals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            appeals.add(Appeals.newAppealId());
            submit(appeals.getLast(), Appeals.citizen(ContactChannel.EMAIL, null, emailOf(appeals.getLast()), Language.kk));
        }
        Instant crashedAt = Instant.now().minusSeconds(5);
        List<Notification> leftByTheCrash = new ArrayList<>();
        for (int i = 0; i < appeals.size(); i++) {
            boolean sent = i < 2;
            String appealId = appeals.get(i);
            leftByTheCrash.add(new Notification(citizenNotification(appealId + ":submitted"), appealId,
                    Appeals.trackingCodeOf(appealId), appealId + ":submitted", "appeal-registered", RecipientRole.CITIZEN,
                    ContactChannel.EMAIL, emailOf(appealId), "c***@mail.test", "web", null, Language.kk, "Тіркелді", "Body",
                    sent ? NotificationStatus.SENT : NotificationStatus.SENDING, 1, sent ? null : crashedAt, crashedAt,
                    crashedAt, sent ? crashedAt : null, null, null, sent, false, sent ? null : "crashed-instance"));
        }

        try (MongoClient client = MongoClients.create(MONGO.uri(group))) {
            new NotificationStore(new MongoTemplate(client, group)).insertAllNew(leftByTheCrash);
        }

        instance = start(group, group);

        await().atMost(Duration.ofSeconds(60)).until(() -> mailsFor(emailOf(appeals.get(2))) == 1
                && mailsFor(emailOf(appeals.get(3))) == 1);
        NotificationStore store = instance.getBean(NotificationStore.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> appeals.stream().allMatch(id -> store.forAppeal(id).stream()
                .allMatch(n -> n.status() == NotificationStatus.SENT)));
        Thread.sleep(1000);
        assertThat(mailsFor(emailOf(appeals.get(0)))).as("sent before the crash").isZero();
        assertThat(mailsFor(emailOf(appeals.get(1)))).as("sent before the crash").isZero();
        assertThat(mailsFor(emailOf(appeals.get(2)))).isEqualTo(1);
        assertThat(mailsFor(emailOf(appeals.get(3)))).isEqualTo(1);
        assertThat(appeals).allSatisfy(id -> assertThat(store.forAppeal(id)).singleElement());
    }

    private ConfigurableApplicationContext start(String group, String database) {
        mail.start();
        return startInstance(group, database,
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--hearing.notification.sms.url=" + gateway.url(), "--hearing.notification.sms.token=batch-test");
    }

    private void submit(String appealId, Citizen citizen) {
        publish(Topics.APPEALS_SUBMITTED, appealId, appealId + ":submitted", EventTypes.APPEAL_SUBMITTED,
                Appeals.submitted(appealId, "web", Language.ru, citizen));
    }

    private void change(String appealId, long sequence, LifecycleType type) {
        publish(Topics.APPEALS_LIFECYCLE, appealId, appealId + ":" + sequence, type.eventType(),
                Appeals.step(appealId, sequence, type, "roads"));
    }

    private static String citizenNotification(String eventId) {
        return PlannedNotification.idOf(eventId, RecipientRole.CITIZEN);
    }

    private static String phoneOf(String appealId) {
        return String.format("+7701%07d", Math.abs(appealId.hashCode() % 10_000_000));
    }

    private static String emailOf(String appealId) {
        return "batch-" + appealId.substring(3, 11) + "@mail.test";
    }

    private long mailsFor(String address) {
        return mailsTo(mail, address).size();
    }

    @AfterEach
    void stop() {
        if (instance != null) {
            instance.close();
        }
        mail.stop();
        gateway.close();
    }

    /** An SMS gateway that takes {@link #GATEWAY_DELAY} per message and notes what overlapped. */
    private final class SlowSmsGateway implements AutoCloseable {

        private final HttpServer server;
        private final Map<String, List<String>> referencesByRecipient = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> inFlightByRecipient = new ConcurrentHashMap<>();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger mostAtOnce = new AtomicInteger();
        private final AtomicInteger mostAtOnceForOneRecipient = new AtomicInteger();

        SlowSmsGateway() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/sms/send", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms/send";
        }

        List<String> to(String phone) {
            return List.copyOf(referencesByRecipient.getOrDefault(phone, List.of()));
        }

        int mostAtOnce() {
            return mostAtOnce.get();
        }

        int mostAtOnceForOneRecipient() {
            return mostAtOnceForOneRecipient.get();
        }

        private void handle(HttpExchange exchange) throws IOException {
            JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
            String to = body.get("to").asString();
            AtomicInteger forRecipient = inFlightByRecipient.computeIfAbsent(to, key -> new AtomicInteger());
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            mostAtOnceForOneRecipient.accumulateAndGet(forRecipient.incrementAndGet(), Math::max);
            try {
                Thread.sleep(GATEWAY_DELAY);
                // Noted before the answer: the next message of this appeal cannot have been sent yet.
                referencesByRecipient.computeIfAbsent(to, key -> new CopyOnWriteArrayList<>()).add(body.get("reference").asString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                forRecipient.decrementAndGet();
                inFlight.decrementAndGet();
            }
            byte[] answer = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
