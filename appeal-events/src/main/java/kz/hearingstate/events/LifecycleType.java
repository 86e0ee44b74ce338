package kz.hearingstate.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Every change on {@link Topics#APPEALS_LIFECYCLE}. The CloudEvents type is {@code appeal.<kebab>.v1}. */
public enum LifecycleType {
    ROUTED, ACCEPTED, INFO_REQUESTED, INFO_PROVIDED, ANSWERED, FORWARDED, EXTENDED, REJECTED, REOPENED,
    SLA_WARNING, SLA_BREACHED, ESCALATED;

    /** For example {@code appeal.sla-warning.v1}. */
    public String eventType() {
        return "appeal." + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".v1";
    }

    /** Every lifecycle event type, the only ones {@link Topics#APPEALS_LIFECYCLE} carries. */
    public static final Set<String> EVENT_TYPES = Arrays.stream(values()).map(LifecycleType::eventType)
            .collect(Collectors.toUnmodifiableSet());

    public static LifecycleType fromEventType(String eventType) {
        for (LifecycleType type : values()) {
            if (type.eventType().equals(eventType)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Not a lifecycle event type: " + eventType);
    }
}
