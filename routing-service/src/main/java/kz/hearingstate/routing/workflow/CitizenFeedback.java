package kz.hearingstate.routing.workflow;

import java.time.Instant;

/**
 * The citizen's last rating of the answer, as the department sees it in the workbench.
 *
 * @param comment the citizen's own words, or null; shown to the responsible department only
 */
public record CitizenFeedback(String feedbackId, int rating, boolean solved, String comment, Instant at) {
}
