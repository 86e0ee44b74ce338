package kz.hearingstate.opschecks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** docker/kafka/topics.txt, the list that create-topics.sh creates: name, partitions, topic configs. */
record TopicList(List<Topic> topics) {

    static final String PATH = "docker/kafka/topics.txt";

    record Topic(String name, int partitions, Map<String, String> configs) {
        boolean isDeadLetter() {
            return name.endsWith(".dlq");
        }
    }

    static TopicList read() {
        return parse(Repository.read(PATH));
    }

    static TopicList parse(String text) {
        List<Topic> topics = text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(TopicList::topic)
                .toList();
        return new TopicList(topics);
    }

    Map<String, Topic> byName() {
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
