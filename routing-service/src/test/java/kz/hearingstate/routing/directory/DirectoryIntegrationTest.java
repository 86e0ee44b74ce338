package kz.hearingstate.routing.directory;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Topics;
import kz.hearingstate.messaging.EventSchemas;
import kz.hearingstate.routing.support.RoutingIntegrationTest;
import kz.hearingstate.testing.TopicRecorder.Recorded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DirectoryIntegrationTest extends RoutingIntegrationTest {

    @Autowired
    private DirectoryService directory;
    @Autowired
    private DepartmentStore store;

    private static final List<String> CODES = List.of("housing-utilities", "roads-transport", "education", "health",
            "social-protection", "land-construction", "agriculture", "public-order", "anti-corruption", "akim-office");

    private Map<String, Object> department(String code, String phone) {
        return Map.of("code", code, "names", Map.of("kk", "Туризм бөлімі", "ru", "Отдел туризма", "en", "Tourism Department"),
                "phone", phone, "email", code + "@zhambyl-akimat.example.kz",
                "address", "с. Узынагаш, ул. Д. Рысбекова, 9 (example)", "categories", List.of("tourism"),
                "settlements", List.of("Узынагаш"), "internal", true, "confidential", false);
    }

    private List<Recorded> directoryEvents(String code) {
        return recorder().all().stream().filter(r -> r.topic().equals(Topics.DEPARTMENTS_DIRECTORY) && code.equals(r.key())).toList();
    }

    @Test
    void givenTheStartedService_thenTheDirectoryIsPublicWithExactlyTheTenDepartmentsAndWasPublishedOnTheDirectoryTopic() {
        HttpResponse<String> response = get("/api/v1/departments", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode departments = json(response);
        assertThat(departments.valueStream().map(d -> d.get("code").asString())).containsAll(CODES);
        JsonNode police = departments.valueStream().filter(d -> d.get("code").asString().equals("public-order")).findFirst().orElseThrow();
        assertThat(police.get("internal").asBoolean()).isFalse();
        JsonNode antiCorruption = departments.valueStream().filter(d -> d.get("code").asString().equals("anti-corruption")).findFirst().orElseThrow();
        assertThat(antiCorruption.get("confidential").asBoolean()).isTrue();
        assertThat(antiCorruption.get("names").get("kk").asString()).isNotBlank();

        await().atMost(Duration.ofSeconds(20)).until(() -> CODES.stream().allMatch(code -> !directoryEvents(code).isEmpty()));
        Recorded education = directoryEvents("education").getFirst();
        assertThat(education.id()).isEqualTo("department:education:1");
        assertThat(EventSchemas.violations(EventTypes.DEPARTMENT_CHANGED, body(education))).isEmpty();
        // The file's address as written for each language reaches the readers (the portal, the public page).
        assertThat(body(education).get("addresses").get("kk").asString()).contains("Ұзынағаш ауылы");
        assertThat(body(education).get("addresses").get("en").asString()).contains("Uzynagash");
    }

    @Test
    void givenDepartmentsStoredBeforeTheFileWroteAddresses_whenRoutingStartsAgain_thenOnlyThoseAsSeededGetThem() {
        // As a release before the addresses left them: one as the file seeded it, one an admin changed since.
        Department seeded = directory.find("agriculture").orElseThrow();
        Department edited = directory.find("health").orElseThrow();
        assertThat(store.replace(withoutAddresses(seeded, seeded.changedBy()), seeded.version())).isTrue();
        assertThat(store.replace(withoutAddresses(edited, "admin"), edited.version())).isTrue();
        // Seeded by an older file whose address was another: the file's addresses in kk, ru and en are of another place.
        Department elsewhere = directory.find("roads-transport").orElseThrow();
        Department olderFile = withoutAddresses(elsewhere, elsewhere.changedBy());
        assertThat(store.replace(new Department(olderFile.code(), olderFile.version(), olderFile.names(), olderFile.phone(),
                olderFile.email(), "с. Узынагаш, ул. Абая, 2 (example)", null, olderFile.categories(), olderFile.settlements(),
                olderFile.internal(), olderFile.confidential(), false, olderFile.changedBy(), olderFile.changedAt()),
                elsewhere.version())).isTrue();

        directory.seedFromFile(); // what every start does

        Department agriculture = directory.find("agriculture").orElseThrow();
        assertThat(agriculture.version()).isEqualTo(seeded.version() + 2);
        assertThat(agriculture.addresses()).isEqualTo(seeded.addresses());
        Department health = directory.find("health").orElseThrow();
        assertThat(health.version()).isEqualTo(edited.version() + 1);
        assertThat(health.addresses()).isNull(); // the admin's record is theirs: an admin's PUT adds them
        assertThat(directory.find("roads-transport").orElseThrow().addresses()).isNull();
    }

    private static Department withoutAddresses(Department d, String changedBy) {
        return new Department(d.code(), d.version() + 1, d.names(), d.phone(), d.email(), d.address(), null, d.categories(),
                d.settlements(), d.internal(), d.confidential(), d.deleted(), changedBy, d.changedAt());
    }

    @Test
    void givenTheAdmin_whenADepartmentIsCreatedUpdatedAndDeleted_thenEachChangeIsAVersionedEvent() {
        String code = "tourism";
        HttpResponse<String> created = post("/api/v1/admin/departments", ADMIN_KEY, department(code, "+7 72770 2-11-11 (example)"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("version").asLong()).isEqualTo(1);

        HttpResponse<String> updated = put("/api/v1/admin/departments/" + code, ADMIN_KEY, department(code, "+7 72770 2-11-12 (example)"));
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).get("version").asLong()).isEqualTo(2);
        assertThat(json(get("/api/v1/departments/" + code, null)).get("phone").asString()).contains("2-11-12");
        // An admin adds the address as written for a language; one that is blank is refused.
        Map<String, Object> withAddresses = new java.util.HashMap<>(department(code, "+7 72770 2-11-12 (example)"));
        withAddresses.put("addresses", Map.of("kk", "Ұзынағаш ауылы, Д. Рысбеков көшесі, 9 (example)"));
        assertThat(put("/api/v1/admin/departments/" + code, ADMIN_KEY, withAddresses).statusCode()).isEqualTo(200);
        assertThat(json(get("/api/v1/departments/" + code, null)).get("addresses").get("kk").asString()).contains("Д. Рысбеков");
        withAddresses.put("addresses", Map.of("en", " "));
        assertThat(put("/api/v1/admin/departments/" + code, ADMIN_KEY, withAddresses).statusCode()).isEqualTo(400);
        // Left out of a later PUT, they are kept (a client that does not know the field loses nothing).
        assertThat(put("/api/v1/admin/departments/" + code, ADMIN_KEY, department(code, "+7 72770 2-11-12 (example)")).statusCode())
                .isEqualTo(200);
        assertThat(json(get("/api/v1/departments/" + code, null)).get("addresses").get("kk").asString()).contains("Д. Рысбеков");
        // A PUT that moves the department and leaves them out drops them: they would name the old place.
        Map<String, Object> moved = new java.util.HashMap<>(department(code, "+7 72770 2-11-12 (example)"));
        moved.put("address", "с. Каргалы, ул. Абая, 1 (example)");
        assertThat(put("/api/v1/admin/departments/" + code, ADMIN_KEY, moved).statusCode()).isEqualTo(200);
        assertThat(json(get("/api/v1/departments/" + code, null)).get("addresses").isNull()).isTrue();

        assertThat(delete("/api/v1/admin/departments/" + code, ADMIN_KEY).statusCode()).isEqualTo(204);
        assertThat(get("/api/v1/departments/" + code, null).statusCode()).isEqualTo(404);

        await().atMost(Duration.ofSeconds(20)).until(() -> directoryEvents(code).size() >= 6);
        assertThat(directoryEvents(code)).extracting(Recorded::id).containsExactly("department:tourism:1",
                "department:tourism:2", "department:tourism:3", "department:tourism:4", "department:tourism:5",
                "department:tourism:6");
        assertThat(body(directoryEvents(code).get(3)).get("addresses").get("kk").asString()).contains("Д. Рысбеков");
        assertThat(body(directoryEvents(code).get(4)).get("addresses").isNull()).isTrue(); // moved: dropped
        assertThat(body(directoryEvents(code).get(5)).get("deleted").asBoolean()).isTrue();
        assertThat(body(directoryEvents(code).get(0)).get("changedBy").asString()).isEqualTo("admin");
    }

    @Test
    void givenNonAdmins_orBadInput_thenTheAdminApiRefusesWithProblemJson() {
        assertThat(post("/api/v1/admin/departments", null, department("parks", "1")).statusCode()).isEqualTo(401);
        // The key is checked before the body: a caller without one learns nothing of the field rules.
        HttpResponse<String> keyless = post("/api/v1/admin/departments", null, Map.of("code", "Bad Code!", "names", Map.of("kk", "x")));
        assertThat(keyless.statusCode()).isEqualTo(401);
        assertThat(json(keyless).get("type").asString()).isEqualTo("https://hearingstate.kz/problems/unauthenticated");
        assertThat(json(keyless).has("errors")).isFalse();
        assertThat(post("/api/v1/admin/departments", departmentKey("education"), department("parks", "1")).statusCode()).isEqualTo(403);
        assertThat(delete("/api/v1/admin/departments/akim-office", ADMIN_KEY).statusCode()).isEqualTo(409);
        assertThat(delete("/api/v1/admin/departments/anti-corruption", ADMIN_KEY).statusCode()).isEqualTo(409);
        assertThat(post("/api/v1/admin/departments", ADMIN_KEY, department("education", "1")).statusCode()).isEqualTo(409);

        HttpResponse<String> invalid = post("/api/v1/admin/departments", ADMIN_KEY, Map.of("code", "Bad Code!", "names", Map.of("kk", "x")));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).get("errors")).as(invalid.body()).isNotNull();
        assertThat(json(invalid).get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("code", "names", "phone", "email", "address", "categories");
        assertThat(put("/api/v1/admin/departments/nowhere", ADMIN_KEY, department("nowhere", "1")).statusCode()).isEqualTo(404);
    }

    @Test
    void givenAConfidentialDepartment_whenAnUpdateLeavesTheFlagOutOrClearsIt_orItIsDeletedAndCreatedAgain_thenItStaysConfidential() {
        String code = "integrity";
        Map<String, Object> confidential = new java.util.HashMap<>(department(code, "+7 72770 2-11-13 (example)"));
        confidential.put("confidential", true);
        assertThat(post("/api/v1/admin/departments", ADMIN_KEY, confidential).statusCode()).isEqualTo(201);

        Map<String, Object> flagLeftOut = new java.util.HashMap<>(confidential);
        flagLeftOut.remove("confidential");
        HttpResponse<String> updated = put("/api/v1/admin/departments/" + code, ADMIN_KEY, flagLeftOut);
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).get("confidential").asBoolean()).isTrue();

        HttpResponse<String> cleared = put("/api/v1/admin/departments/" + code, ADMIN_KEY, department(code, "+7 72770 2-11-13 (example)"));
        assertThat(cleared.statusCode()).isEqualTo(409);
        assertThat(json(get("/api/v1/departments/" + code, null)).get("confidential").asBoolean()).isTrue();

        assertThat(delete("/api/v1/admin/departments/" + code, ADMIN_KEY).statusCode()).isEqualTo(204);
        assertThat(post("/api/v1/admin/departments", ADMIN_KEY, department(code, "1")).statusCode()).isEqualTo(409);
        HttpResponse<String> again = post("/api/v1/admin/departments", ADMIN_KEY, flagLeftOut);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(json(again).get("confidential").asBoolean()).isTrue();
        // Not left active in the context the other tests share (its office figures, its at-risk counts).
        assertThat(delete("/api/v1/admin/departments/" + code, ADMIN_KEY).statusCode()).isEqualTo(204);
    }
}
