package kz.hearingstate.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Each event record, written as JSON the way the services write it, satisfies the schema of its type. */
class EventContractTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaIdResolvers(ids -> ids.mapPrefix(EventTypes.SCHEMA_ID_PREFIX, "classpath:schemas/")));
    private static final Instant T = Instant.parse("2026-11-30T04:00:00Z");
    private static final Citizen CITIZEN = new Citizen("Айгүл Серікқызы", "900101400009", "+77011234567",
            "aigul@example.kz", ContactChannel.EMAIL, Language.kk);
    private static final Location LOCATION = new Location("Zhambyl", "Uzynagash", "Abay 10", 43.22, 76.3);

    static Stream<Arguments> everyEventType() {
        AppealSubmitted submitted = new AppealSubmitted("a-1", "ZH7K3M9QXA", "web-portal", null, AppealType.COMPLAINT,
                "Су жоқ", "Су жоқ, құбыр жарылған. Жөндеу бригадасын жіберіңіздер.", Language.kk, true, "water-supply",
                false, CITIZEN, LOCATION, List.of(new Attachment("https://files.example.kz/1.jpg", "1.jpg", "image/jpeg")),
                T, T, T.plusSeconds(86_400 * 21), "7k3m9qxa2drbk0p4c8w6h1n5");
        Stream<Arguments> fixed = Stream.of(
                Arguments.of(EventTypes.APPEAL_SUBMITTED, submitted),
                Arguments.of(EventTypes.APPEAL_SUBMITTED, new AppealSubmitted("a-2", "ZH7K3M9QXB", "hotline", "ext-9",
                        AppealType.REPORT, null, "Anonymous report about a threat", Language.en, false, null, true, null,
                        null, List.of(), T, T, T)),
                Arguments.of(EventTypes.APPEAL_ASSIGNED, new AppealAssigned("a-1", "ZH7K3M9QXA", "housing-utilities",
                        "water-supply", 0.93, "web-portal", AppealType.COMPLAINT, null, "Су жоқ, құбыр жарылған.",
                        Language.kk, false, CITIZEN, LOCATION, List.of(), T, T, T)),
                Arguments.of(EventTypes.DEPARTMENT_ACTION, new DepartmentAction("act-1", "a-1", ActionType.ANSWER,
                        "housing-utilities", "operator-7", null, "Бригада жіберілді", null, null, null, T)),
                Arguments.of(EventTypes.APPEAL_FEEDBACK, new AppealFeedback("fb-1", "a-1", "ZH7K3M9QXA", 4, true, "Жол жөнделді, рақмет!", T)),
                Arguments.of(EventTypes.CITIZEN_REPLIED, new CitizenReplied("r-1", "a-1", "ZH7K3M9QXA", "Үй нөмірі 12",
                        List.of(), T)),
                Arguments.of(EventTypes.NOTIFICATION_OUTCOME, new NotificationOutcome("n-1", "a-1", "ev-1", "registered",
                        "EMAIL", "CITIZEN", NotificationOutcome.DELIVERED, 1, 420, T)),
                Arguments.of(EventTypes.DEPARTMENT_CHANGED, new DepartmentChanged("education", 3,
                        Map.of(Language.kk, "Білім бөлімі", Language.ru, "Отдел образования", Language.en, "Education"),
                        "+77277000000", "edu@example.kz", "Uzynagash",
                        Map.of(Language.kk, "Ұзынағаш", Language.ru, "Узынагаш", Language.en, "Uzynagash"), List.of("schools"), null, true, false, false,
                        "admin", T)),
                Arguments.of(EventTypes.INCIDENT_DETECTED, new IncidentDetected("inc-1", "heating", "housing-utilities",
                        "Uzynagash", "43.2:76.3", 12, 1.5, T, T.plusSeconds(21_600), List.of("a-1"), T)));
        Stream<Arguments> lifecycle = Stream.of(LifecycleType.values()).map(type -> Arguments.of(type.eventType(),
                new AppealLifecycleEvent("a-1", "ZH7K3M9QXA", 2, type, AppealStatus.ANSWERED, "housing-utilities",
                        "akim-office", "water-supply", 0.9, "housing-utilities", "reason", "answer", "police", T, T)));
        return Stream.concat(fixed, lifecycle);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEventType")
    void aRecordOfEachTypeSatisfiesItsSchema(String eventType, Object event) {
        assertThat(violations(eventType, MAPPER.valueToTree(event))).isEmpty();
    }

    @Test
    void everyLifecycleTypeAndEveryNamedTypeHasASchema() {
        Stream.concat(Stream.of(LifecycleType.values()).map(LifecycleType::eventType),
                Stream.of(EventTypes.APPEAL_SUBMITTED, EventTypes.APPEAL_ASSIGNED, EventTypes.DEPARTMENT_ACTION,
                        EventTypes.APPEAL_FEEDBACK, EventTypes.CITIZEN_REPLIED, EventTypes.NOTIFICATION_OUTCOME,
                        EventTypes.DEPARTMENT_CHANGED, EventTypes.INCIDENT_DETECTED))
                .forEach(type -> assertThat(getClass().getClassLoader().getResource(EventTypes.schemaPath(type)))
                        .as(type).isNotNull());
    }

    @Test
    void aLifecycleEventMissingWhatItsKindRequiresIsRejected() {
        ObjectNode answered = MAPPER.valueToTree(new AppealLifecycleEvent("a-1", "ZH7K3M9QXA", 3, LifecycleType.ANSWERED,
                AppealStatus.ANSWERED, "education", null, null, null, "education", null, null, null, null, T));
        assertThat(violations(LifecycleType.ANSWERED.eventType(), answered)).isNotEmpty();
    }

    @Test
    void aLifecycleEventWithAStrayFieldOrAnotherKindsTypeIsRejected_throughTheSharedBase() {
        ObjectNode stray = MAPPER.valueToTree(new AppealLifecycleEvent("a-1", "ZH7K3M9QXA", 3, LifecycleType.ANSWERED,
                AppealStatus.ANSWERED, "education", null, null, null, "education", null, "Done", null, null, T));
        assertThat(violations(LifecycleType.ANSWERED.eventType(), stray)).isEmpty();
        stray.put("paymentLink", "https://attacker.example/pay");
        assertThat(violations(LifecycleType.ANSWERED.eventType(), stray)).isNotEmpty();

        ObjectNode otherKind = MAPPER.valueToTree(new AppealLifecycleEvent("a-1", "ZH7K3M9QXA", 3, LifecycleType.ACCEPTED,
                AppealStatus.IN_PROGRESS, "education", null, null, null, "education", null, "Done", null, null, T));
        assertThat(violations(LifecycleType.ANSWERED.eventType(), otherKind)).isNotEmpty();

        ObjectNode noSequence = MAPPER.valueToTree(new AppealLifecycleEvent("a-1", "ZH7K3M9QXA", 3, LifecycleType.ANSWERED,
                AppealStatus.ANSWERED, "education", null, null, null, "education", null, "Done", null, null, T));
        noSequence.remove("sequence");
        assertThat(violations(LifecycleType.ANSWERED.eventType(), noSequence)).isNotEmpty();
    }

    @Test
    void aSubmittedAppealWithAnInvalidFieldOrAStrayFieldIsRejected() {
        ObjectNode shortText = MAPPER.valueToTree(everyEventType().findFirst().orElseThrow().get()[1]);
        shortText.put("text", "short");
        assertThat(violations(EventTypes.APPEAL_SUBMITTED, shortText)).isNotEmpty();

        ObjectNode stray = MAPPER.valueToTree(everyEventType().findFirst().orElseThrow().get()[1]);
        stray.put("citizenPassword", "x");
        assertThat(violations(EventTypes.APPEAL_SUBMITTED, stray)).isNotEmpty();
    }

    @Test
    void aDepartmentActionWithTextsLongerThanTheHttpApiTakesIsRejected() {
        // A record near the topic's 1 MB limit would make a lifecycle event over the producer's request size: its
        // appeal's events could then never be published. The limits are the HTTP API's (ActionRequest).
        DepartmentAction fits = new DepartmentAction("act-1", "a-1", ActionType.ANSWER, "housing-utilities", "operator-7",
                "р".repeat(2000), "ж".repeat(20_000), null, "о".repeat(300), null, T);
        assertThat(violations(EventTypes.DEPARTMENT_ACTION, MAPPER.valueToTree(fits))).isEmpty();
        for (String field : new String[] {"reason:2001", "answer:20001", "outsideBody:301", "actionId:101"}) {
            ObjectNode tooLong = MAPPER.valueToTree(fits);
            String[] limit = field.split(":");
            tooLong.put(limit[0], "x".repeat(Integer.parseInt(limit[1])));
            assertThat(violations(EventTypes.DEPARTMENT_ACTION, tooLong)).as(limit[0]).isNotEmpty();
        }
    }

    @Test
    void lifecycleTypesMapToVersionedCloudEventsTypesAndBack() {
        assertThat(LifecycleType.SLA_WARNING.eventType()).isEqualTo("appeal.sla-warning.v1");
        for (LifecycleType type : LifecycleType.values()) {
            assertThat(LifecycleType.fromEventType(type.eventType())).isEqualTo(type);
        }
    }

    @Test
    void topicNamesFollowTheCatalogue() {
        assertThat(Topics.departmentInbox("education")).isEqualTo("departments.education.inbox");
        assertThat(Topics.deadLetter(Topics.APPEALS_SUBMITTED, "routing")).isEqualTo("appeals.submitted.routing.dlq");
    }

    private static List<Error> violations(String eventType, JsonNode body) {
        try (InputStream schema = EventContractTest.class.getClassLoader()
                .getResourceAsStream(EventTypes.schemaPath(eventType))) {
            Schema compiled = REGISTRY.getSchema(schema);
            return compiled.validate(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
