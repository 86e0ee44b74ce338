package kz.hearingstate.intake.submission;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import kz.hearingstate.web.security.ApiPrincipal;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code POST /api/v1/appeals}: translates HTTP to {@link SubmissionService} and back. */
@RestController
@RequestMapping("/api/v1/appeals")
public class SubmissionController {

    private static final String EXAMPLE = """
            {"type":"COMPLAINT","text":"Третий день нет холодной воды на улице Абая, 12.","categoryHint":"water-supply",
             "citizen":{"fullName":"Айгерим Сапарова","iin":"900101400003","phone":"+77011234567","preferredContact":"SMS"},
             "location":{"district":"Жамбылский район","settlement":"Узынагаш","lat":43.22,"lon":76.82},
             "consentToDataProcessing":true}""";

    private final SubmissionService submissions;

    public SubmissionController(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @Operation(summary = "Submit an appeal",
            description = "Answers 202 only after Kafka acknowledged the appeal; 503 with Retry-After if it did not in time. "
                    + "The channel is the one of X-Api-Key. With Idempotency-Key (or externalId) a retry returns the same appeal "
                    + "(422 if it says something else). trackingCode is the public request id; accessSecret and statusUrl "
                    + "are the citizen's private link (status, replies, feedback without a key): hand them to the submitter only.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "complaint", value = EXAMPLE))),
            responses = {
                    @ApiResponse(responseCode = "202", description = "Accepted and durably on Kafka"),
                    @ApiResponse(responseCode = "400", description = "Invalid field, malformed JSON, invalid UTF-8, duplicate key, empty body",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "401", description = "Missing or unknown X-Api-Key", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "413", description = "Body over 64 KiB", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "415", description = "Not application/json", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "429", description = "The channel's rate limit; see Retry-After", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge in time; see Retry-After", content = @Content(mediaType = "application/problem+json"))})
    @Parameter(name = "X-Api-Key", in = ParameterIn.HEADER, required = true, example = "demo-portal-key")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SubmissionReceipt> submit(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiPrincipal channel,
            @Parameter(description = "Up to 128 printable ASCII characters; the same key returns the same appeal")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody AppealRequest request) {
        SubmissionReceipt receipt = submissions.submit(channel.name(), idempotencyKey, request);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(receipt.statusUrl()).build().toUri();
        // The body holds the citizen's secret: no cache may keep it.
        return ResponseEntity.accepted().location(location).cacheControl(CacheControl.noStore()).body(receipt);
    }
}
