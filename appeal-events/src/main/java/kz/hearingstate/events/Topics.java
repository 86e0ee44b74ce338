package kz.hearingstate.events;

/** Every Kafka topic the platform uses. Appeal topics are keyed by appealId. */
public final class Topics {
    /** The appeal as received, with the citizen's contact data. Written by intake. */
    public static final String APPEALS_SUBMITTED = "appeals.submitted";
    /** Every change after submission. Written by routing. */
    public static final String APPEALS_LIFECYCLE = "appeals.lifecycle";
    /** Commands from department systems (accept, answer, forward, ...). Read by routing. */
    public static final String DEPARTMENTS_ACTIONS = "departments.actions";
    /** The citizen's rating and replies to information requests. Written by intake. */
    public static final String APPEALS_FEEDBACK = "appeals.feedback";
    /** Delivered or failed, per channel, no personal data. Written by notification. */
    public static final String NOTIFICATIONS_OUTCOMES = "notifications.outcomes";
    /** Department directory changes, keyed by department code. Written by routing. */
    public static final String DEPARTMENTS_DIRECTORY = "departments.directory";
    /** Surges of similar appeals, keyed by incident id. Written by analytics. */
    public static final String INCIDENTS_DETECTED = "incidents.detected";

    private static final String INBOX_PREFIX = "departments.";
    private static final String INBOX_SUFFIX = ".inbox";

    /** The routed queue of one department: {@code departments.<code>.inbox}. */
    public static String departmentInbox(String departmentCode) {
        return INBOX_PREFIX + departmentCode + INBOX_SUFFIX;
    }

    /** The dead-letter topic for records a consumer group could not process. */
    public static String deadLetter(String sourceTopic, String consumerGroup) {
        return sourceTopic + "." + consumerGroup + ".dlq";
    }

    private Topics() {
    }
}
