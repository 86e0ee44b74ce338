package kz.hearingstate.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code scripts/route-set.sh FILE.jsonl}: sends a labelled set of appeals through a running intake-service, as a
 * channel sends them, and reads back where each one went from its status view (what the 202's statusUrl shows) once
 * routing has placed it: how issue 14's independent sets are measured. A line is {@code {id, language, text,
 * department}}, the department being the right one: the form of the held-out sets under
 * routing-service/src/test/resources/classifier. Prints the share routed right, per language, how many went to the
 * akim-office desk though another department was right, and every corruption report that went anywhere but
 * anti-corruption; writes one line per appeal to {@code target/route-set/<name>.tsv}. An appeal's Idempotency-Key
 * is the file's name and its id, so a second run sends nothing new and reads the same appeals back.
 */
public final class RouteSet {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ANTI_CORRUPTION = "anti-corruption";
    static final String DESK = "akim-office";

    /**
     * One appeal of the set, its tracking code, and where it went ({@code ""} for either when it was refused, and for
     * where it went when it was not routed in time).
     */
    public record Routed(String id, String language, String right, String trackingCode, String wentTo) {

        boolean rightFirstTime() {
            return right.equals(wentTo);
        }

        boolean report() {
            return ANTI_CORRUPTION.equals(right);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println("usage: scripts/route-set.sh FILE.jsonl [--intake URL] [--key CHANNEL-KEY]");
            return;
        }
        Path file = Path.of(args[0]);
        String intake = "http://127.0.0.1:8081";
        String key = IntakeClient.DEMO_CHANNEL_KEY;
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length || !List.of("--intake", "--key").contains(args[i])) {
                System.err.println("Unknown argument: " + args[i] + " (try --help)");
                System.exit(2);
            }
            if (args[i].equals("--intake")) {
                intake = args[i + 1];
            } else {
                key = args[i + 1];
            }
        }
        String name = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
        List<Routed> routed = run(new IntakeClient(intake, key), name, readSet(file), System.out);
        Path table = Path.of(System.getProperty("hearing.root", ".")).resolve("target/route-set/" + name + ".tsv");
        Files.createDirectories(table.getParent());
        StringBuilder tsv = new StringBuilder("id\tlanguage\tright\ttracking code\twent to\n");
        routed.forEach(r -> tsv.append(String.join("\t", r.id(), r.language(), r.right(), r.trackingCode(), r.wentTo())).append('\n'));
        Files.writeString(table, tsv, StandardCharsets.UTF_8);
        System.out.println("Per appeal: " + table);
    }

    public static List<JsonNode> readSet(Path file) {
        try {
            List<JsonNode> set = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    set.add(JSON.readTree(line));
                }
            }
            return set;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Submits every appeal, then reads each one back once routing has decided; prints the summary. */
    public static List<Routed> run(IntakeClient intake, String name, List<JsonNode> set, PrintStream out) {
        List<IntakeClient.Submission> submissions = new ArrayList<>();
        for (JsonNode appeal : set) {
            submissions.add(intake.submit(asChannelSendsIt(appeal), "route-set-" + name + "-" + appeal.path("id").asString()));
        }
        out.println("Sent " + set.size() + " appeals to " + intake.baseUrl() + " (" + submissions.stream()
                .filter(s -> !s.accepted()).count() + " refused)");
        List<Routed> routed = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            JsonNode appeal = set.get(i);
            IntakeClient.Submission submission = submissions.get(i);
            String wentTo = "";
            if (submission.accepted()) {
                Optional<JsonNode> status = intake.awaitDecision(submission.trackingCode(), Duration.ofSeconds(60));
                wentTo = status.map(IntakeClient::departmentOf).orElse("");
            } else {
                out.println("  " + appeal.path("id").asString() + " refused with HTTP " + submission.status() + ": " + submission.body());
            }
            routed.add(new Routed(appeal.path("id").asString(), appeal.path("language").asString(""),
                    appeal.path("department").asString(""), submission.accepted() ? submission.trackingCode() : "", wentTo));
        }
        summary(routed, out);
        return routed;
    }

    /** The request body a channel would send for this labelled line: the text in its language, a named citizen. */
    static ObjectNode asChannelSendsIt(JsonNode appeal) {
        ObjectNode body = JSON.createObjectNode().put("type", "COMPLAINT").put("language", appeal.path("language").asString())
                .put("text", appeal.path("text").asString()).put("consentToDataProcessing", true);
        body.putObject("citizen").put("fullName", "Route Set").put("email", "route-set@example.com").put("preferredContact", "EMAIL");
        return body;
    }

    static void summary(List<Routed> routed, PrintStream out) {
        long right = routed.stream().filter(Routed::rightFirstTime).count();
        out.printf("%d appeals: %d went to their right department (%s)%n", routed.size(), right, percent(right, routed.size()));
        Map<String, List<Routed>> byLanguage = new TreeMap<>();
        routed.forEach(r -> byLanguage.computeIfAbsent(r.language(), l -> new ArrayList<>()).add(r));
        byLanguage.forEach((language, list) -> {
            long languageRight = list.stream().filter(Routed::rightFirstTime).count();
            out.printf("  %s: %d of %d (%s)%n", language, languageRight, list.size(), percent(languageRight, list.size()));
        });
        long atDesk = routed.stream().filter(r -> DESK.equals(r.wentTo()) && !DESK.equals(r.right())).count();
        out.printf("at the akim-office desk though another department was right: %d (%s)%n", atDesk, percent(atDesk, routed.size()));
        List<Routed> reports = routed.stream().filter(Routed::report).toList();
        List<Routed> missed = reports.stream().filter(r -> !r.rightFirstTime()).toList();
        out.printf("corruption reports at anti-corruption: %d of %d%n", reports.size() - missed.size(), reports.size());
        missed.forEach(r -> out.println("  " + r.id() + " went to " + (r.wentTo().isEmpty() ? "nowhere yet" : r.wentTo())));
        List<Routed> unplaced = routed.stream().filter(r -> r.wentTo().isEmpty()).toList();
        if (!unplaced.isEmpty()) {
            out.println("not routed within a minute, or refused: " + unplaced.stream().map(Routed::id).toList());
        }
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private RouteSet() {
    }
}
