package kz.hearingstate.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import kz.hearingstate.localstack.DemoAppeals;
import kz.hearingstate.localstack.IntakeClient;
import kz.hearingstate.localstack.LocalStack;
import kz.hearingstate.localstack.RouteSet;
import kz.hearingstate.localstack.StackService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code scripts/route-set.sh} against the whole platform: a labelled set goes in through intake as a channel sends it,
 * and where each appeal went is read back from its status view, as issue 14's independent sets are measured.
 */
@ExtendWith(WholePlatform.class)
class RouteSetEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalStack stack;

    RouteSetEndToEndTest(LocalStack stack) {
        this.stack = stack;
    }

    @Test
    void givenALabelledSet_whenSentThroughTheStackTwice_thenEachIsReadBackWhereRoutingPlacedItAndTheSecondRunCreatesNothing(
            @TempDir Path directory) throws Exception {
        // The demo's appeals, whose departments the journey test holds; the last one labelled wrong on purpose, so the
        // summary must count it as routed elsewhere.
        Path set = directory.resolve("labelled.jsonl");
        Files.write(set, List.of(line("R-1", DemoAppeals.sample("housing-utilities", "kk"), "housing-utilities"),
                line("R-2", DemoAppeals.sample("anti-corruption", "kk"), "anti-corruption"),
                line("R-3", DemoAppeals.sample("education", "en"), "education"),
                line("R-4", DemoAppeals.sample("health", "ru"), "roads-transport")), StandardCharsets.UTF_8);
        IntakeClient intake = new IntakeClient(stack.baseUrlOf(StackService.INTAKE), IntakeClient.DEMO_CHANNEL_KEY);
        String summaryUrl = stack.baseUrlOf(StackService.ANALYTICS) + "/api/v1/stats/summary";
        int receivedBefore = receivedOnceQuiet(summaryUrl);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<RouteSet.Routed> first = RouteSet.run(intake, "labelled", RouteSet.readSet(set),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        List<RouteSet.Routed> second = RouteSet.run(intake, "labelled", RouteSet.readSet(set),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(first).extracting(RouteSet.Routed::wentTo)
                .containsExactly("housing-utilities", "anti-corruption", "education", "health");
        assertThat(first).extracting(RouteSet.Routed::trackingCode).allSatisfy(code -> assertThat(code).isNotBlank());
        assertThat(second).as("the same appeals, read back again").isEqualTo(first);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("4 appeals placed by routing: 3 went to their right department (75.0%)")
                .contains("corruption reports at anti-corruption: 1 of 1");
        // Four appeals in all, counted before the next test reads analytics' figures: the second run created none.
        await("analytics counts the set's appeals").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> received(summaryUrl) - receivedBefore >= 4);
        Thread.sleep(2000);
        assertThat(received(summaryUrl) - receivedBefore).isEqualTo(4);
    }

    /** Analytics' count once it has stopped moving: the module's other tests may have appeals still being counted. */
    private static int receivedOnceQuiet(String summaryUrl) throws Exception {
        int[] last = {received(summaryUrl)};
        await("analytics quiet").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            int now = received(summaryUrl);
            boolean quiet = now == last[0];
            last[0] = now;
            return quiet;
        });
        return last[0];
    }

    private static int received(String summaryUrl) throws Exception {
        return JsonHttp.get(summaryUrl).path("figures").path("received").asInt();
    }

    private static String line(String id, DemoAppeals.Sample sample, String department) {
        return JSON.createObjectNode().put("id", id).put("language", sample.language()).put("text", sample.text())
                .put("department", department).toString();
    }
}
