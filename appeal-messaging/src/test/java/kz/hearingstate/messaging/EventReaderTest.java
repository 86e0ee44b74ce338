package kz.hearingstate.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import kz.hearingstate.events.AppealFeedback;
import kz.hearingstate.events.CloudEventHeaders;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.LifecycleType;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

class EventReaderTest {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final EventReader reader = new EventReader(mapper);

    private Message<byte[]> message(String body, String type) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(body.getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.ID, "ev-1".getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.TIME, "2026-11-30T04:00:00Z");
        if (type != null) {
            builder.setHeader(CloudEventHeaders.TYPE, type);
        }
        return builder.build();
    }

    @Test
    void givenAValidEventWhenReadThenPayloadAndMetadataAreTyped() {
        String body = mapper.writeValueAsString(new AppealFeedback("fb-1", "a-1", "ZH7K3M9QXA", 5, true, null,
                Instant.parse("2026-11-30T04:00:00Z")));
        ReceivedEvent<AppealFeedback> event = reader.read(message(body, EventTypes.APPEAL_FEEDBACK), AppealFeedback.class);
        assertThat(event.payload().rating()).isEqualTo(5);
        assertThat(event.metadata().id()).isEqualTo("ev-1");
        assertThat(event.metadata().time()).isEqualTo(Instant.parse("2026-11-30T04:00:00Z"));
    }

    @Test
    void givenABodyThatIsNotJsonThenItIsPoison() {
        assertThatThrownBy(() -> reader.read(message("{not json", EventTypes.APPEAL_FEEDBACK), AppealFeedback.class))
                .isInstanceOf(PoisonEventException.class);
    }

    @Test
    void givenABodyThatBreaksItsSchemaThenItIsPoison() {
        String body = "{\"feedbackId\":\"fb-1\",\"appealId\":\"a-1\",\"trackingCode\":\"X\",\"rating\":9,\"solved\":true,"
                + "\"occurredAt\":\"2026-11-30T04:00:00Z\"}";
        assertThatThrownBy(() -> reader.read(message(body, EventTypes.APPEAL_FEEDBACK), AppealFeedback.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("rating");
    }

    @Test
    void givenNoTypeHeaderOrAnUnknownTypeThenItIsPoison() {
        assertThatThrownBy(() -> reader.read(message("{}", null), AppealFeedback.class))
                .isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> reader.read(message("{}", "appeal.unknown.v9"), AppealFeedback.class))
                .isInstanceOf(PoisonEventException.class);
    }

    @Test
    void givenAValidEventOfAnotherTypeThanItsTopicCarries_whenReadAsTheTopicsType_thenItIsPoisonNotMappedLoosely() {
        String body = mapper.writeValueAsString(new AppealFeedback("fb-1", "a-1", "ZH7K3M9QXA", 5, true, null,
                Instant.parse("2026-11-30T04:00:00Z")));

        assertThatThrownBy(() -> reader.read(message(body, EventTypes.APPEAL_FEEDBACK), EventTypes.APPEAL_SUBMITTED,
                AppealFeedback.class)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining(EventTypes.APPEAL_SUBMITTED).hasMessageContaining(EventTypes.APPEAL_FEEDBACK);
        assertThatThrownBy(() -> reader.read(message(body, EventTypes.APPEAL_FEEDBACK), LifecycleType.EVENT_TYPES,
                AppealFeedback.class)).isInstanceOf(PoisonEventException.class);
        assertThat(reader.read(message(body, EventTypes.APPEAL_FEEDBACK), EventTypes.APPEAL_FEEDBACK, AppealFeedback.class)
                .payload().rating()).isEqualTo(5);
    }

    @Test
    void givenABatchModeDelivery_whenSplit_thenEachRecordKeepsItsOwnBytesAndHeaders() {
        Message<List<byte[]>> batch = MessageBuilder.withPayload(List.of("{}".getBytes(StandardCharsets.UTF_8),
                        "{not json".getBytes(StandardCharsets.UTF_8)))
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.of(
                        Map.of(CloudEventHeaders.ID, "ev-1".getBytes(StandardCharsets.UTF_8), CloudEventHeaders.TYPE, "a.v1"),
                        Map.of(CloudEventHeaders.ID, "ev-2".getBytes(StandardCharsets.UTF_8), CloudEventHeaders.TYPE, "b.v1")))
                .build();

        List<Message<byte[]>> records = reader.records(batch);

        assertThat(records).hasSize(2);
        assertThat(reader.metadata(records.get(0)).id()).isEqualTo("ev-1");
        assertThat(reader.metadata(records.get(1)).type()).isEqualTo("b.v1");
        assertThat(new String(records.get(1).getPayload(), StandardCharsets.UTF_8)).isEqualTo("{not json");
    }

    @Test
    void givenARecordModeDelivery_whenSplitAsABatch_thenItIsRefusedLoudly() {
        Message<List<byte[]>> notABatch = MessageBuilder.withPayload(List.of("{}".getBytes(StandardCharsets.UTF_8))).build();
        assertThatThrownBy(() -> reader.records(notABatch)).isInstanceOf(IllegalStateException.class);
    }
}
