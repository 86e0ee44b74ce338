package kz.hearingstate.opschecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Kafka consumer bindings (destination and group) and binder settings each service declares in application.yml. */
final class ServiceBindings {

    static final List<String> SERVICES =
            List.of("intake-service", "routing-service", "notification-service", "analytics-service");

    private static final Pattern DEFAULT_VALUE = Pattern.compile("\\$\\{[^:}]+:([^}]*)}");

    record Consumer(String service, String binding, String topic, String group) {
    }

    static List<Consumer> consumers() {
        List<Consumer> consumers = new ArrayList<>();
        for (String service : SERVICES) {
            Map<String, Object> bindings = at(applicationYml(service), "spring", "cloud", "stream", "bindings");
            bindings.forEach((binding, value) -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> properties = (Map<String, Object>) value;
                Object group = properties.get("group");
                Object destination = properties.get("destination");
                if (group != null && destination != null) {
                    for (String topic : destination.toString().split(",")) {
                        consumers.add(new Consumer(service, binding, topic.strip(), group.toString()));
                    }
                }
            });
        }
        return consumers;
    }

    /**
     * The binder's min-partition-count of a service, resolving a ${VAR:default} placeholder to its default;
     * 1 (the binder's own default) when the service does not set it.
     */
    static int minPartitionCount(String service) {
        Map<String, Object> yml = applicationYml(service);
        Object value = has(yml, "spring", "cloud", "stream", "kafka", "binder")
                ? at(yml, "spring", "cloud", "stream", "kafka", "binder").getOrDefault("min-partition-count", "1")
                : "1";
        Matcher placeholder = DEFAULT_VALUE.matcher(value.toString());
        return Integer.parseInt(placeholder.matches() ? placeholder.group(1) : value.toString());
    }

    /** The default of {@code server.port: ${PORT:808x}}. */
    static int port(String service) {
        Object value = at(applicationYml(service), "server").get("port");
        Matcher placeholder = DEFAULT_VALUE.matcher(value.toString());
        return Integer.parseInt(placeholder.matches() ? placeholder.group(1) : value.toString());
    }

    static Map<String, Object> applicationYml(String service) {
        return Repository.yaml(Repository.read(service + "/src/main/resources/application.yml"));
    }

    private static boolean has(Map<String, Object> root, String... path) {
        try {
            at(root, path);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> root, String... path) {
        Map<String, Object> node = root;
        for (String key : path) {
            Object child = node.get(key);
            if (!(child instanceof Map<?, ?>)) {
                throw new IllegalStateException("no '" + key + "' in " + String.join(".", path));
            }
            node = (Map<String, Object>) child;
        }
        return node;
    }

    private ServiceBindings() {
    }
}
