package kz.hearingstate.intake.feedback;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The citizen's rating of an answer, and optionally why. "Not solved" asks routing to reopen the appeal as a repeat
 * appeal. The comment reaches the responsible department only.
 */
public record FeedbackRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "5", example = "4") Integer rating,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "true") Boolean solved,
        @Schema(maxLength = 2000, example = "The water is back, thank you.") String comment) {
}
