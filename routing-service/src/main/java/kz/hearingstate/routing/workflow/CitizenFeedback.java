package kz.hearingstate.routing.workflow;

import java.time.Instant;

/**
 * The citizen's last rating of the answer, as the department sees it in the workbench.
 *
 * @param department the department the appeal was with when the citizen rated it: a rating of a confidential
 *                   department's answer stays that department's, as its replies do, when the appeal moves on
 * @param comment    the citizen's own words, or null; shown to the responsible department only
 */
public record CitizenFeedback(String feedbackId, String department, int rating, boolean solved, String comment, Instant at) {
}
