package kz.hearingstate.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --demo}: submits a dozen sample appeals in Kazakh, Russian and English through the demo
 * channel and prints where each one went. Each carries a fixed Idempotency-Key, so running the demo
 * twice shows the same appeals instead of creating copies.
 */
public final class DemoAppeals {

    static final String RESOURCE = "/demo-appeals.jsonl";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One line of the resource: the request body and the department a reader would expect. */
    public record Sample(String expectedDepartment, JsonNode appeal) {
        public String language() {
            return appeal.path("language").asString("?");
        }

        public String text() {
            return appeal.path("text").asString("");
        }
    }

    /** The samples shipped in {@code demo-appeals.jsonl}. */
    public static List<Sample> samples() {
        InputStream in = DemoAppeals.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the class path");
        }
        List<Sample> samples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    JsonNode node = JSON.readTree(line);
                    samples.add(new Sample(node.path("expectedDepartment").asString(), node.path("appeal")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(samples);
    }

    /** The first sample in {@code language} that expects {@code department}. */
    public static Sample sample(String department, String language) {
        return samples().stream()
                .filter(s -> s.expectedDepartment().equals(department) && s.language().equals(language))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no " + language + " demo appeal for " + department));
    }

    /** Submits every sample and prints one line per appeal: language, tracking code, status, department. */
    public static void run(IntakeClient intake, PrintStream out) {
        List<Sample> samples = samples();
        out.println();
        out.println("Demo: submitting " + samples.size() + " sample appeals through the demo channel ...");
        List<IntakeClient.Submission> submissions = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            IntakeClient.Submission submission = intake.submit(samples.get(i).appeal(), "demo-appeal-" + (i + 1));
            submissions.add(submission);
            if (!submission.accepted()) {
                out.println("  #" + (i + 1) + " refused with HTTP " + submission.status() + ": " + submission.body());
            }
        }
        out.printf("%n  %-3s %-4s %-14s %-10s %-18s %-18s %s%n", "#", "lang", "tracking code", "status",
                "department", "(sample expects)", "text");
        int asExpected = 0;
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            IntakeClient.Submission submission = submissions.get(i);
            if (!submission.accepted()) {
                continue;
            }
            Optional<JsonNode> status = intake.awaitDecision(submission.trackingCode(), Duration.ofSeconds(30));
            String state = status.map(IntakeClient::statusOf).orElse("not found");
            String department = status.map(IntakeClient::departmentOf).orElse("");
            if (department.equals(sample.expectedDepartment())) {
                asExpected++;
            }
            out.printf("  %-3d %-4s %-14s %-10s %-18s %-18s %s%n", i + 1, sample.language(), submission.trackingCode(),
                    state, department.isEmpty() ? "-" : department, sample.expectedDepartment(), abbreviate(sample.text()));
        }
        out.println();
        out.println("  " + asExpected + " of " + samples.size() + " went where the sample expects.");
        out.println("  Look one up: curl -s -H 'X-Api-Key: " + IntakeClient.DEMO_CHANNEL_KEY + "' " + intake.baseUrl()
                + "/api/v1/appeals/<tracking code>");
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private DemoAppeals() {
    }
}
