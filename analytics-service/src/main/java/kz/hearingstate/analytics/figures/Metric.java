package kz.hearingstate.analytics.figures;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a time series counts, and the fact timestamp it counts by. */
public enum Metric {
    RECEIVED("receivedAt"), ROUTED("routedAt"), ANSWERED("answeredAt"), FORWARDED("forwardedAt"), REJECTED("rejectedAt");

    private final String timestampField;

    Metric(String timestampField) {
        this.timestampField = timestampField;
    }

    public String timestampField() {
        return timestampField;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Metric> fromWireName(String name) {
        return Arrays.stream(values()).filter(metric -> metric.wireName().equals(name)).findFirst();
    }
}
