package kz.hearingstate.intake.feedback;

import io.swagger.v3.oas.annotations.media.Schema;

/** The citizen's rating of an answer. "Not solved" asks routing to reopen the appeal as a repeat appeal. */
public record FeedbackRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "5", example = "4") Integer rating,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "true") Boolean solved) {
}
