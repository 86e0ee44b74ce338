package kz.hearingstate.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code scripts/route-set.sh FILE.jsonl}: sends a labelled set of appeals through a running intake-service, as a
 * channel sends them, and reads back where routing placed each one (the {@code ROUTED} step of its status view, what
 * the 202's statusUrl shows): how issue 14's independent sets are measured. A line is {@code {id, language, text,
 * department}}, the department being the right one: the form of the held-out sets under
 * routing-service/src/test/resources/classifier. Prints the share of the placed appeals routed right, per language,
 * how many went to the akim-office desk though another department was right, every corruption report that went
 * anywhere but anti-corruption, and apart from these the lines refused, unanswered or not placed in time (then it
 * exits 1);
 * writes one line per appeal to {@code target/route-set/<name>.tsv}.
 *
 * <p>An appeal's Idempotency-Key is made of the file's name, the line's id and a digest of its language and text: a
 * second run of the same file sends nothing new and reads the same appeals back, while an edited line is a new appeal.
 */
public final class RouteSet {

    static final String ANTI_CORRUPTION = "anti-corruption";
    static final String DESK = "akim-office";
    /** The languages intake takes. */
    static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");
    /** The channel key, from the environment (a key on the command line shows in the process list). */
    static final String KEY_VARIABLE = "ROUTE_SET_CHANNEL_KEY";
    /** How long one submission may keep being told to come back later (429, 503). */
    private static final Duration SUBMIT_PATIENCE = Duration.ofSeconds(60);
    /** How long, after the last submission, routing has to place them all. */
    private static final Duration PLACED_WITHIN = Duration.ofMinutes(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One labelled line of the set. */
    public record Labelled(String id, String language, String text, String department) {
    }

    /**
     * One appeal of the set, its tracking code, and where routing placed it: {@code ""} for both when intake refused
     * it ({@code refusal} says how), and for where it went when it was not placed in time.
     */
    public record Routed(String id, String language, String right, String trackingCode, String wentTo, String refusal) {

        boolean placed() {
            return !wentTo.isEmpty();
        }

        boolean rightFirstTime() {
            return placed() && right.equals(wentTo);
        }

        boolean report() {
            return ANTI_CORRUPTION.equals(right);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println("usage: scripts/route-set.sh FILE.jsonl [--intake URL]   (channel key: $" + KEY_VARIABLE
                    + ", default " + IntakeClient.DEMO_CHANNEL_KEY + ")");
            return;
        }
        String intake = "http://127.0.0.1:8081";
        if (args.length == 3 && args[1].equals("--intake")) {
            intake = args[2];
        } else if (args.length != 1) {
            System.err.println("usage: scripts/route-set.sh FILE.jsonl [--intake URL]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        List<Labelled> set;
        try {
            set = readSet(file);
        } catch (IllegalArgumentException e) {
            System.err.println(file + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        String key = System.getenv().getOrDefault(KEY_VARIABLE, IntakeClient.DEMO_CHANNEL_KEY);
        String name = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
        List<Routed> routed = run(new IntakeClient(intake, key), name, set, System.out);
        Path table = Path.of(System.getProperty("hearing.root", ".")).resolve("target/route-set/" + name + ".tsv");
        Files.createDirectories(table.getParent());
        StringBuilder tsv = new StringBuilder("id\tlanguage\tright\ttracking code\twent to\trefused\n");
        routed.forEach(r -> tsv.append(String.join("\t", r.id(), r.language(), r.right(), r.trackingCode(), r.wentTo(),
                r.refusal())).append('\n'));
        Files.writeString(table, tsv, StandardCharsets.UTF_8);
        System.out.println("Per appeal: " + table);
        System.exit(routed.stream().allMatch(Routed::placed) ? 0 : 1);
    }

    /** The set's lines, each with a non-blank id, text and department and a language intake takes, else which line is not. */
    public static List<Labelled> readSet(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Labelled> set = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode line;
            try {
                line = JSON.readTree(lines.get(i));
            } catch (JacksonException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not JSON: " + e.getOriginalMessage());
            }
            Labelled labelled = new Labelled(line.path("id").asString(""), line.path("language").asString(""),
                    line.path("text").asString(""), line.path("department").asString(""));
            if (labelled.id().isBlank() || labelled.text().isBlank() || labelled.department().isBlank()
                    || !LANGUAGES.contains(labelled.language())) {
                throw new IllegalArgumentException("line " + (i + 1) + " needs an id, a text, a department and a language ("
                        + String.join(", ", new java.util.TreeSet<>(LANGUAGES)) + ")");
            }
            set.add(labelled);
        }
        return set;
    }

    /** Submits every appeal, then reads back where routing placed each one; prints the summary. */
    public static List<Routed> run(IntakeClient intake, String name, List<Labelled> set, PrintStream out) {
        List<IntakeClient.Submission> submissions = new ArrayList<>();
        for (Labelled appeal : set) {
            IntakeClient.Submission submission;
            try {
                submission = intake.submitPatiently(asChannelSendsIt(appeal), idempotencyKey(name, appeal), SUBMIT_PATIENCE);
            } catch (UncheckedIOException noAnswer) {
                // Listed as refused: a second run sends it again under the same key, and intake keeps one appeal.
                submission = new IntakeClient.Submission(0, JSON.createObjectNode().put("title", "no answer: " + noAnswer.getMessage()));
            }
            submissions.add(submission);
        }
        out.println("Sent " + set.size() + " appeals to " + intake.baseUrl());
        Instant deadline = Instant.now().plus(PLACED_WITHIN);
        List<Routed> routed = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            Labelled appeal = set.get(i);
            IntakeClient.Submission submission = submissions.get(i);
            if (!submission.accepted()) {
                String refusal = (submission.status() == 0 ? "" : "HTTP " + submission.status() + " ")
                        + submission.body().path("title").asString("");
                routed.add(new Routed(appeal.id(), appeal.language(), appeal.department(), "", "", refusal.strip()));
                continue;
            }
            String wentTo = "";
            try {
                Duration left = Duration.between(Instant.now(), deadline);
                wentTo = intake.awaitDecision(submission.trackingCode(), left.isNegative() ? Duration.ofSeconds(1) : left)
                        .map(IntakeClient::routedTo).orElse("");
            } catch (RuntimeException lookupFailed) {
                out.println("  " + appeal.id() + ": " + lookupFailed.getMessage());
            }
            routed.add(new Routed(appeal.id(), appeal.language(), appeal.department(), submission.trackingCode(), wentTo, ""));
        }
        summary(routed, out);
        return routed;
    }

    /** The request body a channel would send for this line: the text in its language, from a named citizen. */
    static ObjectNode asChannelSendsIt(Labelled appeal) {
        ObjectNode body = JSON.createObjectNode().put("type", "COMPLAINT").put("language", appeal.language())
                .put("text", appeal.text()).put("consentToDataProcessing", true);
        body.putObject("citizen").put("fullName", "Route Set").put("email", "route-set@example.com").put("preferredContact", "EMAIL");
        return body;
    }

    /**
     * {@code route-set-<file>-<id>-<digest of the language and text>}, in the printable ASCII intake takes (at most 128
     * characters): the same line gives the same appeal on every run; an edited text or language, or another file's line
     * with the same id, another.
     */
    static String idempotencyKey(String name, Labelled appeal) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((appeal.language() + "\n" + appeal.text()).getBytes(StandardCharsets.UTF_8));
            return "route-set-" + printable(name) + "-" + printable(appeal.id()) + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String printable(String part) {
        String ascii = part.replaceAll("[^A-Za-z0-9._-]", "_");
        return ascii.length() <= 40 ? ascii : ascii.substring(0, 40);
    }

    static void summary(List<Routed> routed, PrintStream out) {
        List<Routed> placed = routed.stream().filter(Routed::placed).toList();
        long right = placed.stream().filter(Routed::rightFirstTime).count();
        out.printf("%d appeals placed by routing: %d went to their right department (%s)%n", placed.size(), right,
                percent(right, placed.size()));
        Map<String, List<Routed>> byLanguage = new TreeMap<>();
        placed.forEach(r -> byLanguage.computeIfAbsent(r.language(), l -> new ArrayList<>()).add(r));
        byLanguage.forEach((language, list) -> {
            long languageRight = list.stream().filter(Routed::rightFirstTime).count();
            out.printf("  %s: %d of %d (%s)%n", language, languageRight, list.size(), percent(languageRight, list.size()));
        });
        long atDesk = placed.stream().filter(r -> DESK.equals(r.wentTo()) && !DESK.equals(r.right())).count();
        out.printf("at the akim-office desk though another department was right: %d (%s)%n", atDesk, percent(atDesk, placed.size()));
        List<Routed> reports = placed.stream().filter(Routed::report).toList();
        List<Routed> missed = reports.stream().filter(r -> !r.rightFirstTime()).toList();
        out.printf("corruption reports at anti-corruption: %d of %d%n", reports.size() - missed.size(), reports.size());
        missed.forEach(r -> out.println("  " + r.id() + " went to " + r.wentTo()));
        routed.stream().filter(r -> !r.refusal().isEmpty())
                .forEach(r -> out.println("refused, not counted: " + r.id() + " (" + r.refusal() + ")"));
        routed.stream().filter(r -> r.refusal().isEmpty() && !r.placed())
                .forEach(r -> out.println("not placed in time (or its status unreadable), not counted: " + r.id() + " ("
                        + r.trackingCode() + ")"));
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private RouteSet() {
    }
}
