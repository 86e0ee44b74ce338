package kz.hearingstate.routing.classification;

import java.time.Instant;

import kz.hearingstate.events.Language;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A labelled example made by hand: staff routed an appeal to {@code department} although the
 * classifier chose {@code classifiedAs}. Exported as training data ({@code GET /api/v1/admin/routing-corrections}).
 * Holds the appeal's text, never the citizen's contacts.
 */
@Document(CorrectionStore.COLLECTION)
public record RoutingCorrection(
        @Id String id,
        String appealId,
        Language language,
        String text,
        String classifiedAs,
        double confidence,
        boolean triage,
        String department,
        String correctedBy,
        Instant correctedAt) {
}
