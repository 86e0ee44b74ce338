package kz.hearingstate.intake.feedback;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import kz.hearingstate.intake.status.AppealLookup;
import kz.hearingstate.intake.status.AppealStatusView;
import kz.hearingstate.intake.status.OpenedBySecret;
import kz.hearingstate.web.security.ApiPrincipal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The citizen's feedback on an answer and replies to information requests: from the citizen with the access
 * secret (no key), or from the channel that submitted the appeal, acting for its user with its key. Anyone
 * else, another channel included, gets the 404 of an unknown appeal ({@link AppealLookup}).
 */
@RestController
public class CitizenResponseController {

    private static final String FEEDBACK = "Only once the appeal is ANSWERED (409 otherwise). solved=false asks routing to "
            + "reopen it as a repeat appeal.";
    private static final String SECRET = "The citizen's access secret. It is looked up before the JSON is parsed: an unknown "
            + "one is 404 whatever the JSON.";
    private static final String REPLY = "Only while the appeal is INFO_REQUESTED (409 otherwise); restarts the paused legal clock.";

    private final CitizenResponseService responses;
    private final AppealLookup lookup;

    public CitizenResponseController(CitizenResponseService responses, AppealLookup lookup) {
        this.responses = responses;
        this.lookup = lookup;
    }

    @Operation(summary = "The citizen rates the answer (1-5) and says whether it solved the problem", description = FEEDBACK,
            responses = {@ApiResponse(responseCode = "202"), @ApiResponse(responseCode = "404"), @ApiResponse(responseCode = "409"),
                    @ApiResponse(responseCode = "429", description = "Too many requests from this address")})
    @PostMapping(path = "/api/v1/appeals/access/{secret}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Parameter(name = "secret", in = ParameterIn.PATH, required = true, description = SECRET)
    public ResponseEntity<Map<String, String>> citizenFeedback(@Parameter(hidden = true) @OpenedBySecret AppealStatusView appeal,
            @RequestBody FeedbackRequest request) {
        return ResponseEntity.accepted().body(Map.of("feedbackId", responses.giveFeedback(appeal, request)));
    }

    @Operation(summary = "The submitting channel passes on its user's rating", description = FEEDBACK,
            responses = {@ApiResponse(responseCode = "202"), @ApiResponse(responseCode = "404"), @ApiResponse(responseCode = "409")})
    @Parameter(name = "X-Api-Key", in = ParameterIn.HEADER, required = true)
    @PostMapping(path = "/api/v1/appeals/{trackingCode}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> channelFeedback(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiPrincipal channel,
            @PathVariable String trackingCode, @RequestBody FeedbackRequest request) {
        return ResponseEntity.accepted().body(Map.of("feedbackId",
                responses.giveFeedback(lookup.ofChannel(channel.name(), trackingCode), request)));
    }

    @Operation(summary = "The citizen answers the department's request for information", description = REPLY,
            responses = {@ApiResponse(responseCode = "202"), @ApiResponse(responseCode = "404"), @ApiResponse(responseCode = "409"),
                    @ApiResponse(responseCode = "429", description = "Too many requests from this address")})
    @PostMapping(path = "/api/v1/appeals/access/{secret}/replies", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Parameter(name = "secret", in = ParameterIn.PATH, required = true, description = SECRET)
    public ResponseEntity<Map<String, String>> citizenReply(@Parameter(hidden = true) @OpenedBySecret AppealStatusView appeal,
            @RequestBody ReplyRequest request) {
        return ResponseEntity.accepted().body(Map.of("replyId", responses.reply(appeal, request)));
    }

    @Operation(summary = "The submitting channel passes on its user's reply to a request for information", description = REPLY,
            responses = {@ApiResponse(responseCode = "202"), @ApiResponse(responseCode = "404"), @ApiResponse(responseCode = "409")})
    @Parameter(name = "X-Api-Key", in = ParameterIn.HEADER, required = true)
    @PostMapping(path = "/api/v1/appeals/{trackingCode}/replies", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> channelReply(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiPrincipal channel,
            @PathVariable String trackingCode, @RequestBody ReplyRequest request) {
        return ResponseEntity.accepted().body(Map.of("replyId", responses.reply(lookup.ofChannel(channel.name(), trackingCode), request)));
    }
}
