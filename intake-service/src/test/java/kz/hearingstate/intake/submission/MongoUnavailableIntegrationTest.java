package kz.hearingstate.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import kz.hearingstate.events.AppealType;
import kz.hearingstate.intake.IntakeIntegrationTest;
import kz.hearingstate.events.Topics;
import kz.hearingstate.intake.identity.CitizenSecrets;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.ProblemType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB down never holds a submission. An appeal without an idempotency key needs only Kafka and is accepted;
 * an idempotent one cannot reserve its key, and publishing it unreserved could lose a concurrent appeal under
 * the same key, so it is refused at once with 503 and Retry-After, nothing published.
 */
class MongoUnavailableIntegrationTest extends IntakeIntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired CitizenSecrets secrets;

    @Test
    void givenMongoDbUnreachable_whenAppealsArrive_thenOneWithoutKeyIsAcceptedAndAnIdempotentOneGets503Promptly() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + closedPort))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(1, TimeUnit.SECONDS))
                .build();
        try (MongoClient unreachable = MongoClients.create(settings)) {
            MongoTemplate down = new MongoTemplate(unreachable, "intake");
            SubmissionService service = SubmissionServices.on(context, down, down);
            AppealRequest request = new AppealRequest(AppealType.INQUIRY, "Қашан су беріледі? Үш күн болды.", null, null,
                    null, null, true, null, null, null, null);
            long offsetsBefore = endOffsets(Topics.APPEALS_SUBMITTED);

            long started = System.nanoTime();
            SubmissionReceipt withoutKey = service.submit("demo-portal", null, request);
            assertThatThrownBy(() -> service.submit("demo-portal", "retry-while-mongo-down", request))
                    .isInstanceOfSatisfying(ApiException.class, refused -> {
                        assertThat(refused.type()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
                        assertThat(refused.retryAfter()).isPositive();
                    });
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(withoutKey.accessSecret()).isEqualTo(secrets.secretOf(withoutKey.appealId()));
            assertThat(endOffsets(Topics.APPEALS_SUBMITTED)).isEqualTo(offsetsBefore + 1);
            assertThat(took).isLessThan(Duration.ofSeconds(8)); // 1 s to give up on MongoDB per attempt, plus the Kafka ack
        }
    }
}
