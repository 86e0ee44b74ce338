package kz.hearingstate.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import kz.hearingstate.events.EventTypes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates event bodies against the JSON Schemas in appeal-events. Producers' output is checked in
 * tests; consumers check what they read, so an event that breaks its contract is dead-lettered.
 */
public final class EventSchemas {

    /** Schemas refer to each other by their {@code $id}s, which are served from appeal-events' classpath. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaIdResolvers(ids -> ids.mapPrefix(EventTypes.SCHEMA_ID_PREFIX, "classpath:schemas/")));
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    /** The messages of every violation; empty when the body is valid. */
    public static List<String> violations(String eventType, JsonNode body) {
        return schema(eventType).validate(body).stream().map(Error::toString).toList();
    }

    public static List<String> violations(String eventType, String json, JsonMapper mapper) {
        return violations(eventType, mapper.readTree(json));
    }

    /** @throws PoisonEventException when the body breaks the contract of its type, or the type is unknown. */
    public static void requireValid(String eventType, JsonNode body) {
        List<String> violations = violations(eventType, body);
        if (!violations.isEmpty()) {
            throw new PoisonEventException(eventType + " violates its schema: " + violations);
        }
    }

    public static boolean isKnown(String eventType) {
        return EventSchemas.class.getClassLoader().getResource(EventTypes.schemaPath(eventType)) != null;
    }

    private static Schema schema(String eventType) {
        return CACHE.computeIfAbsent(eventType, type -> {
            try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(EventTypes.schemaPath(type))) {
                if (in == null) {
                    throw new PoisonEventException("Unknown event type: " + type);
                }
                return REGISTRY.getSchema(in);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read schema of " + type, e);
            }
        });
    }

    private EventSchemas() {
    }
}
