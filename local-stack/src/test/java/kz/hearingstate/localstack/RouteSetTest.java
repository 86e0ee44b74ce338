package kz.hearingstate.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RouteSetTest {

    @Test
    void givenWhereEachAppealWent_thenTheSummaryCountsTheRightOnesTheDeskAndEveryReportElsewhere() {
        List<RouteSet.Routed> routed = List.of(
                new RouteSet.Routed("A", "kk", "health", "ZH-1", "health"),
                new RouteSet.Routed("B", "kk", "education", "ZH-2", "akim-office"),
                new RouteSet.Routed("C", "ru", "anti-corruption", "ZH-3", "anti-corruption"),
                new RouteSet.Routed("D", "ru", "anti-corruption", "ZH-4", "social-protection"),
                new RouteSet.Routed("E", "en", "akim-office", "ZH-5", "akim-office"),
                new RouteSet.Routed("F", "en", "roads-transport", "", ""));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        RouteSet.summary(routed, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "6 appeals: 3 went to their right department (50.0%)",
                "  en: 1 of 2 (50.0%)",
                "  kk: 1 of 2 (50.0%)",
                "  ru: 1 of 2 (50.0%)",
                "at the akim-office desk though another department was right: 1 (16.7%)",
                "corruption reports at anti-corruption: 1 of 2",
                "  D went to social-protection",
                "not routed within a minute, or refused: [F]");
    }

    @Test
    void givenALabelledLine_thenItIsSentAsAChannelSendsItWithoutItsLabel() {
        var line = JsonMapper.builder().build().createObjectNode().put("id", "X-1").put("language", "ru")
                .put("text", "Нет воды третий день").put("department", "housing-utilities").put("style", "plain");

        var body = RouteSet.asChannelSendsIt(line);

        assertThat(body.propertyNames()).containsExactlyInAnyOrder("type", "language", "text", "consentToDataProcessing", "citizen");
        assertThat(body.path("text").asString()).isEqualTo("Нет воды третий день");
        assertThat(body.path("language").asString()).isEqualTo("ru");
    }
}
