package kz.hearingstate.intake.feedback;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import kz.hearingstate.events.Attachment;

/** The citizen's answer to a department's request for information. */
public record ReplyRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 10000,
                example = "Копия акта прилагается.") String text,
        @Schema(maxLength = 10) List<Attachment> attachments) {
}
