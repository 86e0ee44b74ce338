package kz.hearingstate.routing.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.routing.support.Appeals;
import kz.hearingstate.routing.support.RoutingIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An independent Kafka client (kcat, as a department system would run it) reading one department's topic
 * sees the appeals assigned to that department and no others.
 */
class KcatIntegrationTest extends RoutingIntegrationTest {

    @Test
    void givenAppealsForSeveralDepartments_whenKcatReadsTheEducationInbox_thenItSeesOnlyEducationAppeals() throws Exception {
        AppealSubmitted school = Appeals.submitted("Мектепте оқулықтар жетіспейді, мұғалім жоқ.", Language.kk, CLOCK.instant());
        AppealSubmitted kindergarten = Appeals.submitted("My child has waited two years for a kindergarten place.", Language.en, CLOCK.instant());
        AppealSubmitted water = Appeals.submitted("Нет воды, прорвало трубу водопровода.", Language.ru, CLOCK.instant());
        AppealSubmitted road = Appeals.submitted("Jolda ulken shunqyrlar bar, kolikter buzylyp jatyr.", Language.kk, CLOCK.instant());
        for (AppealSubmitted appeal : List.of(school, kindergarten, water, road)) {
            submit(appeal);
        }
        for (AppealSubmitted appeal : List.of(school, kindergarten, water, road)) {
            awaitEvents(appeal.appealId(), EventTypes.APPEAL_ASSIGNED, 1);
        }

        List<JsonNode> records = kcat("departments.education.inbox");

        List<String> keys = records.stream().map(r -> r.get("key").asString()).toList();
        assertThat(keys).contains(school.appealId(), kindergarten.appealId()).doesNotContain(water.appealId(), road.appealId());
        for (JsonNode record : records) {
            JsonNode payload = json.readTree(record.get("payload").asString());
            assertThat(payload.get("department").asString()).isEqualTo("education");
            assertThat(payload.get("appealId").asString()).isEqualTo(record.get("key").asString());
        }
        Set<String> otherDepartments = Set.copyOf(kcat("departments.housing-utilities.inbox").stream().map(r -> r.get("key").asString()).toList());
        assertThat(otherDepartments).contains(water.appealId()).doesNotContain(school.appealId(), kindergarten.appealId());
    }

    /** Runs {@code kcat -C -t <topic> -o beginning -e -J} against the embedded broker; one JSON envelope per record. */
    private List<JsonNode> kcat(String topic) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("kcat", "-b", broker.getBrokersAsString(), "-C", "-t", topic,
                "-o", "beginning", "-e", "-q", "-J").redirectErrorStream(false).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("kcat did not finish");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        List<JsonNode> records = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                records.add(json.readTree(line));
            }
        }
        return records;
    }
}
