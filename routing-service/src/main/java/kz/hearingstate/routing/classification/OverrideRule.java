package kz.hearingstate.routing.classification;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An admin's rule: an appeal whose subject or text matches {@code pattern} (a case-insensitive regular
 * expression, matched on the normalised text) goes to {@code department}. Rules run after the safety
 * rules and before the model, lowest {@code priority} first.
 */
@Document(OverrideRuleStore.COLLECTION)
public record OverrideRule(
        @Id String id,
        String pattern,
        String department,
        String description,
        int priority,
        boolean enabled,
        String changedBy,
        Instant changedAt) {
}
