package kz.hearingstate.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@value #PATH}, the one list of the platform's topics: name, partitions, topic configs. Compose's
 * create-topics.sh creates them in production shape, the local stack through {@link TopicCatalog}.
 */
public record TopicList(List<Topic> topics) {

    public static final String PATH = "docker/kafka/topics.txt";

    public record Topic(String name, int partitions, Map<String, String> configs) {
        public boolean isDeadLetter() {
            return name.endsWith(".dlq");
        }
    }

    /** Reads {@value #PATH} under {@code repositoryRoot}. */
    public static TopicList read(Path repositoryRoot) {
        Path file = repositoryRoot.resolve(PATH);
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the topic list " + file, e);
        }
    }

    public static TopicList parse(String text) {
        List<Topic> topics = text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(TopicList::topic)
                .toList();
        return new TopicList(topics);
    }

    public Map<String, Topic> byName() {
        return topics.stream().collect(Collectors.toMap(Topic::name, topic -> topic, (a, b) -> {
            throw new IllegalStateException("listed twice: " + a.name());
        }, LinkedHashMap::new));
    }

    private static Topic topic(String line) {
        String[] fields = line.split("\\s+");
        Map<String, String> configs = new LinkedHashMap<>();
        if (fields.length > 2) {
            Arrays.stream(fields[2].split(",")).map(pair -> pair.split("=", 2))
                    .forEach(pair -> configs.put(pair[0], pair[1]));
        }
        return new Topic(fields[0], Integer.parseInt(fields[1]), configs);
    }
}
