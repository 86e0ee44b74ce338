package kz.hearingstate.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import kz.hearingstate.clock.LegalClock;
import kz.hearingstate.events.AppealType;
import kz.hearingstate.intake.IntakeIntegrationTest;
import kz.hearingstate.intake.category.CategoryCatalog;
import kz.hearingstate.intake.config.IntakeProperties;
import kz.hearingstate.intake.identity.AppealIds;
import kz.hearingstate.intake.status.AppealStatusStore;
import kz.hearingstate.messaging.EventPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** MongoDB is never needed to accept an appeal: Kafka is. A retry while MongoDB is down is still accepted, promptly. */
class MongoUnavailableIntegrationTest extends IntakeIntegrationTest {

    @Autowired CategoryCatalog categories;
    @Autowired EventPublisher publisher;
    @Autowired LegalClock legalClock;
    @Autowired Clock clock;
    @Autowired MeterRegistry meters;
    @Autowired IntakeProperties properties;

    @Test
    void givenMongoDbUnreachable_whenARetriedAppealArrives_thenKafkaAcknowledgesItWithItsDerivedIdWithinTheBoundedWait() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + closedPort))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(1, TimeUnit.SECONDS))
                .build();
        try (MongoClient unreachable = MongoClients.create(settings)) {
            SubmissionService service = new SubmissionService(categories, publisher,
                    new AppealStatusStore(new MongoTemplate(unreachable, "intake")), legalClock, clock, meters, properties);
            AppealRequest request = new AppealRequest(AppealType.INQUIRY, "Қашан су беріледі? Үш күн болды.", null, null,
                    null, null, true, null, null, null, null);

            long started = System.nanoTime();
            SubmissionReceipt receipt = service.submit("demo-portal", "retry-while-mongo-down", request);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(receipt.appealId()).isEqualTo(AppealIds.fromIdempotencyKey("demo-portal", "retry-while-mongo-down"));
            assertThat(took).isLessThan(Duration.ofSeconds(8)); // 1 s to give up on MongoDB twice, then the Kafka ack
        }
    }
}
