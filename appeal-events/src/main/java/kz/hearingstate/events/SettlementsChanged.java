package kz.hearingstate.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code settlements.changed.v1} on {@link Topics#DEPARTMENTS_DIRECTORY}, keyed by {@link #KEY}: the
 * directory's canonical settlement list as of {@code version}. Consumers show a settlement code by these
 * names; routing puts the code on every lifecycle event.
 */
public record SettlementsChanged(int version, List<Settlement> settlements, Instant occurredAt) {

    /** Not a department code (those have no colon), so compaction keeps the list beside the departments. */
    public static final String KEY = "directory:settlements";
}
