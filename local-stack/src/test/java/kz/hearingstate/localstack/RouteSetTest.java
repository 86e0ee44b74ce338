package kz.hearingstate.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class RouteSetTest {

    @Test
    void givenWhereEachAppealWent_thenTheSummaryCountsThePlacedOnesAndNamesEveryReportElsewhereAndEveryLineNotCounted() {
        List<RouteSet.Routed> routed = List.of(
                new RouteSet.Routed("A", "kk", "health", "ZH-1", "health", ""),
                new RouteSet.Routed("B", "kk", "education", "ZH-2", "akim-office", ""),
                new RouteSet.Routed("C", "ru", "anti-corruption", "ZH-3", "anti-corruption", ""),
                new RouteSet.Routed("D", "ru", "anti-corruption", "ZH-4", "social-protection", ""),
                new RouteSet.Routed("E", "en", "akim-office", "ZH-5", "akim-office", ""),
                new RouteSet.Routed("F", "en", "roads-transport", "", "", "HTTP 400 Validation failed"),
                new RouteSet.Routed("G", "en", "health", "ZH-7", "", ""));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        RouteSet.summary(routed, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "5 appeals placed by routing: 3 went to their right department (60.0%)",
                "  en: 1 of 1 (100.0%)",
                "  kk: 1 of 2 (50.0%)",
                "  ru: 1 of 2 (50.0%)",
                "at the akim-office desk though another department was right: 1 (20.0%)",
                "corruption reports at anti-corruption: 1 of 2",
                "  D went to social-protection",
                "refused, not counted: F (HTTP 400 Validation failed)",
                "not placed in time (or its status unreadable), not counted: G (ZH-7)");
    }

    @Test
    void givenALine_thenItIsSentAsAChannelSendsItWithoutItsLabelUnderAKeyThatFollowsItsText() {
        RouteSet.Labelled line = new RouteSet.Labelled("Т-1 ü", "ru", "Нет воды третий день", "housing-utilities");

        var body = RouteSet.asChannelSendsIt(line);
        String key = RouteSet.idempotencyKey("set with spaces", line);

        assertThat(body.propertyNames()).containsExactlyInAnyOrder("type", "language", "text", "consentToDataProcessing", "citizen");
        assertThat(body.path("text").asString()).isEqualTo("Нет воды третий день");
        assertThat(key).matches("route-set-set_with_spaces-_-1__-[0-9a-f]{16}")
                .isEqualTo(RouteSet.idempotencyKey("set with spaces", line))
                .isNotEqualTo(RouteSet.idempotencyKey("set with spaces", new RouteSet.Labelled("Т-1 ü", "ru", "Нет воды четвёртый день", "housing-utilities")))
                .isNotEqualTo(RouteSet.idempotencyKey("set with spaces", new RouteSet.Labelled("Т-1 ü", "kk", "Нет воды третий день", "housing-utilities")));
        assertThat(RouteSet.idempotencyKey("n".repeat(300), new RouteSet.Labelled("i".repeat(300), "ru", "text", "health")))
                .hasSizeLessThanOrEqualTo(128);
    }

    @Test
    void givenALineWithoutItsLabelOrLanguage_thenTheSetIsRefusedNamingTheLine(@TempDir Path directory) throws Exception {
        Path set = directory.resolve("set.jsonl");
        Files.write(set, List.of("{\"id\":\"A\",\"language\":\"kk\",\"text\":\"Су жоқ\",\"department\":\"housing-utilities\"}", "",
                "{\"id\":\"B\",\"language\":\"kk\",\"text\":\"Су жоқ\"}"), StandardCharsets.UTF_8);
        Path unknownLanguage = directory.resolve("de.jsonl");
        Files.write(unknownLanguage, List.of("{\"id\":\"A\",\"language\":\"de\",\"text\":\"Kein Wasser\",\"department\":\"housing-utilities\"}"),
                StandardCharsets.UTF_8);
        Path notJson = directory.resolve("broken.jsonl");
        Files.write(notJson, List.of("{\"id\":"), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RouteSet.readSet(set)).hasMessageStartingWith("line 3 needs an id, a text, a department");
        assertThatThrownBy(() -> RouteSet.readSet(unknownLanguage)).hasMessageStartingWith("line 1 needs");
        assertThatThrownBy(() -> RouteSet.readSet(notJson)).hasMessageStartingWith("line 1 is not JSON");
    }

    @Test
    void givenAnAppealForwardedOnAfterRouting_thenWhereRoutingPlacedItIsReadFromItsRoutedStepNotWhereItIsNow() {
        var json = JsonMapper.builder().build();
        var moved = json.readTree("""
                {"status": "ASSIGNED", "department": "land-construction", "history": [
                  {"status": "SUBMITTED", "change": "SUBMITTED", "department": null},
                  {"status": "ROUTED", "change": "ROUTED", "department": "agriculture"},
                  {"status": "ASSIGNED", "change": "FORWARDED", "department": "land-construction"}]}""");
        var notYet = json.readTree("""
                {"status": "SUBMITTED", "history": [{"status": "SUBMITTED", "change": "SUBMITTED"}]}""");

        assertThat(IntakeClient.routedTo(moved)).isEqualTo("agriculture");
        assertThat(IntakeClient.departmentOf(moved)).isEqualTo("land-construction");
        assertThat(IntakeClient.routedTo(notYet)).isEmpty();
    }
}
