package kz.hearingstate.events;

/**
 * Every CloudEvents {@code type} the platform emits. A type carries its version; a breaking change
 * is a new version, read side by side with the old. Each has a schema at
 * {@code schemas/<type>.schema.json} on the classpath.
 */
public final class EventTypes {
    public static final String APPEAL_SUBMITTED = "appeal.submitted.v1";
    public static final String APPEAL_ASSIGNED = "appeal.assigned.v1";
    public static final String DEPARTMENT_ACTION = "department.action.v1";
    public static final String APPEAL_FEEDBACK = "appeal.feedback.v1";
    public static final String CITIZEN_REPLIED = "appeal.citizen-replied.v1";
    public static final String NOTIFICATION_OUTCOME = "notification.outcome.v1";
    public static final String DEPARTMENT_CHANGED = "department.changed.v1";
    public static final String SETTLEMENTS_CHANGED = "settlements.changed.v1";
    public static final String INCIDENT_DETECTED = "incident.detected.v1";
    // Lifecycle types are LifecycleType.eventType(): appeal.routed.v1, appeal.answered.v1, ...

    /**
     * Every schema's {@code $id} starts with this; a schema's {@code $ref} to another (the lifecycle events' shared
     * base, {@code appeal.lifecycle.v1.base.schema.json}) resolves against it to the same classpath folder.
     */
    public static final String SCHEMA_ID_PREFIX = "https://hearingstate.kz/schemas/";

    /** Classpath location of the JSON Schema for an event type. */
    public static String schemaPath(String eventType) {
        return "schemas/" + eventType + ".schema.json";
    }

    private EventTypes() {
    }
}
