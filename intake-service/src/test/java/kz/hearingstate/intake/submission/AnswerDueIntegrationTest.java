package kz.hearingstate.intake.submission;

import java.time.Duration;
import java.util.UUID;

import com.mongodb.ConnectionString;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import kz.hearingstate.events.AppealType;
import kz.hearingstate.intake.IntakeIntegrationTest;
import kz.hearingstate.intake.config.IntakeProperties;
import kz.hearingstate.intake.identity.AppealIds;
import kz.hearingstate.intake.identity.CitizenSecrets;
import kz.hearingstate.intake.status.AppealStatusStore;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.ProblemType;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An admitted submission is due {@code answer-within} (1.2 s) after its admission, however slowly the store answers:
 * while its key's reservation is unwritten it is refused, with nothing published; after Kafka's acknowledgement it is
 * answered 202 without waiting longer for the status view. The write the answer did not wait for still counts among the
 * store writes running ({@link AdmissionGateTest} shows their bound). The store is the test's own MongoDB-wire server,
 * reached through a link that holds each reply for 2 s.
 */
class AnswerDueIntegrationTest extends IntakeIntegrationTest {

    private static final Duration SLOW_REPLY = Duration.ofSeconds(2);

    @Autowired ApplicationContext context;
    @Autowired CitizenSecrets secrets;
    @Autowired AdmissionGate admission;
    @Autowired MeterRegistry meters;
    @Autowired IntakeProperties properties;
    @Autowired MongoTemplate mongo;
    @Autowired SubmissionService submissions;
    @Value("${spring.mongodb.uri}") String mongoUri;

    @Test
    void givenAStoreThatAnswersSlowly_whenAnAcknowledgedAppealWaitsForItsStatusView_thenThe202ComesWhenDueAndTheViewIsWrittenLater()
            throws Exception {
        double answeredBefore = meters.counter(AdmissionGate.ANSWERED_BEFORE_WRITES_METER).count();
        int writesBefore = noStoreWriteRunning();
        try (SlowLink link = slowLinkToTheStore(); MongoClient slow = MongoClients.create("mongodb://127.0.0.1:" + link.port())) {
            // The key's reservation goes to the store directly, the status view through the slow link.
            SubmissionService service = submissionsWith(mongo, new MongoTemplate(slow, mongo.getDb().getName()));
            String key = "due-view-" + UUID.randomUUID();
            AppealRequest request = appeal("Жарық жоқ, Үшқоңыр ауылы. " + key);

            long started = System.nanoTime();
            SubmissionReceipt accepted = service.submit("demo-portal", key, request);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).as("answered when due, not after the view's slow write")
                    .isLessThan(properties.admission().answerWithin().plus(SLOW_REPLY).minusMillis(500));
            assertThat(accepted.appealId()).isEqualTo(AppealIds.fromIdempotencyKey("demo-portal", key));
            assertThat(submittedRecordsOf(accepted.appealId())).hasSize(1);
            assertThat(meters.counter(AdmissionGate.ANSWERED_BEFORE_WRITES_METER).count()).isEqualTo(answeredBefore + 1);
            assertThat(admission.storeWritesRunning()).as("the view's write, still running").isEqualTo(writesBefore + 1);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(admission.storeWritesRunning())
                    .as("the view's write, finished").isEqualTo(writesBefore));
            assertThat(statusStore(mongo).findById(accepted.appealId())).as("the status view").isPresent();

            SubmissionReceipt retried = submissions.submit("demo-portal", key, request);

            assertThat(retried.replayed()).as("the view tells the retry that Kafka has the appeal").isTrue();
            assertThat(retried.receivedAt()).isEqualTo(accepted.receivedAt());
            assertThat(submittedRecordsOf(accepted.appealId())).as("nothing published again").hasSize(1);
        }
    }

    @Test
    void givenAStoreThatAnswersSlowly_whenTheKeysReservationTakesPastTheDueTime_thenItGets503OverloadedAndNothingIsPublished()
            throws Exception {
        int writesBefore = noStoreWriteRunning();
        try (SlowLink link = slowLinkToTheStore(); MongoClient slow = MongoClients.create("mongodb://127.0.0.1:" + link.port())) {
            SubmissionService service = submissionsWith(new MongoTemplate(slow, mongo.getDb().getName()), mongo);
            String key = "due-reservation-" + UUID.randomUUID();
            AppealRequest request = appeal("Жол бұзылған, Ұзынағаш, Абай көшесі. " + key);
            String appealId = AppealIds.fromIdempotencyKey("demo-portal", key);

            long started = System.nanoTime();
            assertThatThrownBy(() -> service.submit("demo-portal", key, request))
                    .isInstanceOfSatisfying(ApiException.class, refused -> {
                        assertThat(refused.type()).isEqualTo(ProblemType.OVERLOADED);
                        assertThat(refused.retryAfter()).isPositive();
                    });
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).as("refused when due, not after the reservation's slow write")
                    .isLessThan(properties.admission().answerWithin().plus(SLOW_REPLY).minusMillis(500));
            assertThat(submittedRecordsOf(appealId)).isEmpty();
            assertThat(admission.storeWritesRunning()).as("the reservation's write, still running").isEqualTo(writesBefore + 1);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(admission.storeWritesRunning())
                    .as("the reservation's write, finished").isEqualTo(writesBefore));
            assertThat(reservationOf(appealId)).as("reserved after the refusal").isNotNull();
            assertThat(statusStore(mongo).findById(appealId)).as("never sent, so no status view").isEmpty();

            SubmissionReceipt retried = submissions.submit("demo-portal", key, request);

            assertThat(retried.appealId()).isEqualTo(appealId);
            assertThat(submittedRecordsOf(appealId)).hasSize(1);
        }
    }

    @Test
    void givenAStoreThatAnswersSlowly_whenARetrysStatusViewIsNotReadByTheDueTime_thenTheSameEventIsSentAgainNotRefused()
            throws Exception {
        String key = "due-lookup-" + UUID.randomUUID();
        AppealRequest request = appeal("Көше шамдары жанбайды, Қарғалы ауылы. " + key);
        SubmissionReceipt first = submissions.submit("demo-portal", key, request);
        try (SlowLink link = slowLinkToTheStore(); MongoClient slow = MongoClients.create("mongodb://127.0.0.1:" + link.port())) {
            // The first try is on Kafka; a refusal now would tell its citizen that nothing was sent.
            SubmissionService service = submissionsWith(mongo, new MongoTemplate(slow, mongo.getDb().getName()));

            long started = System.nanoTime();
            SubmissionReceipt retried = service.submit("demo-portal", key, request);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).as("answered when due, not after the view's slow read")
                    .isLessThan(properties.admission().answerWithin().plus(SLOW_REPLY).minusMillis(500));
            assertThat(retried.appealId()).isEqualTo(first.appealId());
            assertThat(retried.receivedAt()).isEqualTo(first.receivedAt());
            assertThat(submittedRecordsOf(first.appealId())).as("sent again under the same event id").hasSize(2)
                    .extracting(r -> header(r, "ce_id")).containsOnly(first.appealId());
        }
    }

    private SlowLink slowLinkToTheStore() throws Exception {
        ServerAddress store = new ServerAddress(new ConnectionString(mongoUri).getHosts().getFirst());
        return new SlowLink(store.getHost(), store.getPort(), SLOW_REPLY);
    }

    private SubmissionService submissionsWith(MongoTemplate reservations, MongoTemplate view) {
        return SubmissionServices.on(context, reservations, view);
    }

    private AppealStatusStore statusStore(MongoTemplate store) {
        return new AppealStatusStore(store, secrets, properties);
    }

    private Document reservationOf(String appealId) {
        return mongo.findById(appealId, Document.class, SubmissionReservations.COLLECTION);
    }

    private static AppealRequest appeal(String text) {
        return new AppealRequest(AppealType.INQUIRY, text, null, null, null, null, true, null, null, null, null);
    }

    /**
     * Waits until no store write of an earlier test is still running (a status view's write finishes after its 202):
     * one that ended during a test would otherwise change the count the test compares.
     */
    private int noStoreWriteRunning() {
        await().atMost(Duration.ofSeconds(20)).until(() -> admission.storeWritesRunning() == 0);
        return 0;
    }
}
