package kz.hearingstate.routing.classification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * One line of a labelled set (training or evaluation), JSON Lines as in {@code shared/samples/appeals-sample.jsonl}
 * plus {@code style}: how the text is written (plain, caps, latin, typo, mixed, greet, place), for per-style figures:
 * {@code {"id": "...", "language": "ru", "style": "caps", "text": "...", "department": "housing-utilities"}}.
 */
public record LabelledAppeal(String id, String language, String style, String text, String department) {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public static List<LabelledAppeal> readJsonLines(InputStream in) throws IOException {
        List<LabelledAppeal> appeals = new ArrayList<>();
        String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
        for (String line : lines) {
            if (!line.isBlank()) {
                appeals.add(MAPPER.readValue(line, LabelledAppeal.class));
            }
        }
        return appeals;
    }

    /** Every {@code *.jsonl} file below {@code directory}, in path order, so a build always reads the same sequence. */
    public static List<LabelledAppeal> readAll(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        List<LabelledAppeal> appeals = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                appeals.addAll(readJsonLines(in));
            }
        }
        return appeals;
    }
}
