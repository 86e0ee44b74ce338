package kz.hearingstate.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

class EventBatchesTest {

    private final EventReader reader = new EventReader(JsonMapper.builder().build());
    private final List<List<String>> handled = new ArrayList<>();

    /** A batch-mode delivery of these bodies; "poison" cannot be read, "skip" is passed over. */
    private static Message<List<byte[]>> batch(String... bodies) {
        List<byte[]> payloads = new ArrayList<>();
        List<Map<String, Object>> headers = new ArrayList<>();
        for (String body : bodies) {
            payloads.add(body.getBytes(StandardCharsets.UTF_8));
            headers.add(Map.of());
        }
        return MessageBuilder.withPayload(payloads).setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers).build();
    }

    private static String read(Message<byte[]> record) {
        String body = new String(record.getPayload(), StandardCharsets.UTF_8);
        if (body.equals("poison")) {
            throw new PoisonEventException("unreadable");
        }
        return body.equals("skip") ? null : body;
    }

    @Test
    void givenReadableRecords_whenHandled_thenTheHandlerGetsThemAllInOrderWithoutThePassedOver() {
        EventBatches.handle(reader, batch("a", "skip", "b", "c"), EventBatchesTest::read, handled::add);

        assertThat(handled).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void givenAPoisonRecordInTheMiddle_whenHandled_thenWhatCameBeforeIsHandledAndTheErrorNamesThePoisonRecord() {
        assertThatThrownBy(() -> EventBatches.handle(reader, batch("a", "b", "poison", "c"), EventBatchesTest::read,
                handled::add))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(2);
                    assertThat(e.getCause()).isInstanceOf(PoisonEventException.class);
                });
        assertThat(handled).containsExactly(List.of("a", "b"));
    }

    @Test
    void givenAStoreOutage_whenHandled_thenTheErrorNamesTheFirstRecordAtOnceSoTheBatchIsRetriedUntilTheStoreIsBack() {
        DataAccessResourceFailureException mongoAway = new DataAccessResourceFailureException("Timed out selecting a server");
        List<List<String>> tried = new ArrayList<>();

        assertThatThrownBy(() -> EventBatches.handle(reader, batch("a", "skip", "b"), EventBatchesTest::read, events -> {
            tried.add(events);
            throw mongoAway;
        })).isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
            assertThat(e.getIndex()).isZero();
            assertThat(e.getCause()).isSameAs(mongoAway);
        });
        assertThat(tried).as("not tried one by one: each would wait for the store too").containsExactly(List.of("a", "b"));
    }

    @Test
    void givenOneEventTheHandlerFailsOn_whenHandled_thenTheOthersBeforeItAreHandledAndTheErrorNamesItsRecord() {
        IllegalArgumentException badEvent = new IllegalArgumentException("no department");

        assertThatThrownBy(() -> EventBatches.handle(reader, batch("a", "skip", "bad", "c"), EventBatchesTest::read, events -> {
            if (events.contains("bad")) {
                throw badEvent;
            }
            handled.add(events);
        })).isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
            assertThat(e.getIndex()).as("the bad record's index in the batch, not the first's").isEqualTo(2);
            assertThat(e.getCause()).isSameAs(badEvent);
        });
        assertThat(handled).as("the good event before it, so that its offset may be committed").containsExactly(List.of("a"));
    }

    @Test
    void givenAFailureOfTheEventsTogetherThatNoneOfThemMeetsAlone_whenHandled_thenEachIsHandledAndNothingFails() {
        EventBatches.handle(reader, batch("a", "b"), EventBatchesTest::read, events -> {
            if (events.size() > 1) {
                throw new IllegalStateException("a write conflict of the batch");
            }
            handled.add(events);
        });

        assertThat(handled).containsExactly(List.of("a"), List.of("b"));
    }
}
