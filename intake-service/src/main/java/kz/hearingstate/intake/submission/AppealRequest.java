package kz.hearingstate.intake.submission;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import kz.hearingstate.events.AppealType;
import kz.hearingstate.events.Attachment;
import kz.hearingstate.events.Citizen;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.Location;

/**
 * The body of {@code POST /api/v1/appeals}. Citizen, location and attachment reuse the event records:
 * the channel sends exactly what the event carries. Rules are in {@link AppealValidator}.
 */
@Schema(description = "An appeal as a channel submits it. Text is stored and returned as plain text, never rendered as HTML.")
public record AppealRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "COMPLAINT") AppealType type,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 10, maxLength = 10000,
                example = "Третий день нет холодной воды на улице Абая, 12 в Узынагаше.") String text,
        @Schema(maxLength = 200, example = "Нет воды") String subject,
        @Schema(description = "Detected from the text when absent") Language language,
        @Schema(description = "A category code from /open311/v2/services.json", example = "water-supply") String categoryHint,
        Citizen citizen,
        @Schema(defaultValue = "false") Boolean anonymous,
        Location location,
        @Schema(maxLength = 10) List<Attachment> attachments,
        @Schema(description = "Must be true unless the appeal is anonymous", example = "true") Boolean consentToDataProcessing,
        @Schema(description = "The channel's own id of this appeal; makes the submission idempotent like Idempotency-Key",
                maxLength = 128) String externalId) {

    public boolean isAnonymous() {
        return Boolean.TRUE.equals(anonymous);
    }
}
