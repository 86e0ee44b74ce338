package kz.hearingstate.events;

import java.util.Optional;

/** Every Kafka topic the platform uses. Appeal topics are keyed by appealId. */
public final class Topics {
    /** The appeal as received, with the citizen's contact data. Written by intake. */
    public static final String APPEALS_SUBMITTED = "appeals.submitted";
    /** Every change after submission. Written by routing. */
    public static final String APPEALS_LIFECYCLE = "appeals.lifecycle";
    /** The citizen's rating and replies to information requests. Written by intake. */
    public static final String APPEALS_FEEDBACK = "appeals.feedback";
    /** Delivered or failed, per channel, no personal data. Written by notification. */
    public static final String NOTIFICATIONS_OUTCOMES = "notifications.outcomes";
    /** Department directory changes, keyed by department code. Written by routing. */
    public static final String DEPARTMENTS_DIRECTORY = "departments.directory";
    /** Surges of similar appeals, keyed by incident id. Written by analytics. */
    public static final String INCIDENTS_DETECTED = "incidents.detected";

    private static final String DEPARTMENT_PREFIX = "departments.";
    private static final String INBOX_SUFFIX = ".inbox";
    private static final String ACTIONS_SUFFIX = ".actions";

    /** The routed queue of one department: {@code departments.<code>.inbox}. Written by routing. */
    public static String departmentInbox(String departmentCode) {
        return DEPARTMENT_PREFIX + departmentCode + INBOX_SUFFIX;
    }

    /**
     * One department's commands (accept, answer, forward, ...): {@code departments.<code>.actions}, writable
     * only by that department's principal, read by routing. The acting department is the topic's, never a
     * field of the record: a broker ACL then decides who may act for a department.
     */
    public static String departmentActions(String departmentCode) {
        return DEPARTMENT_PREFIX + departmentCode + ACTIONS_SUFFIX;
    }

    /** The department whose actions topic this is, or empty when {@code topic} is not an actions topic. */
    public static Optional<String> departmentOfActions(String topic) {
        if (topic == null || !topic.startsWith(DEPARTMENT_PREFIX) || !topic.endsWith(ACTIONS_SUFFIX)) {
            return Optional.empty();
        }
        String code = topic.substring(DEPARTMENT_PREFIX.length(), topic.length() - ACTIONS_SUFFIX.length());
        return code.isEmpty() || code.contains(".") ? Optional.empty() : Optional.of(code);
    }

    /** The dead-letter topic for records a consumer group could not process. */
    public static String deadLetter(String sourceTopic, String consumerGroup) {
        return sourceTopic + "." + consumerGroup + ".dlq";
    }

    private Topics() {
    }
}
