package kz.hearingstate.intake.feedback;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The citizen's feedback on an answer and replies to information requests, sent through a channel. */
@RestController
public class CitizenResponseController {

    private final CitizenResponseService responses;

    public CitizenResponseController(CitizenResponseService responses) {
        this.responses = responses;
    }

    @Operation(summary = "Rate the answer (1-5) and say whether it solved the problem",
            description = "Only once the appeal is ANSWERED (409 otherwise). solved=false asks routing to reopen it as a repeat appeal.",
            responses = {@ApiResponse(responseCode = "202"), @ApiResponse(responseCode = "404"), @ApiResponse(responseCode = "409")})
    @Parameter(name = "X-Api-Key", in = ParameterIn.HEADER, required = true)
    @PostMapping(path = "/api/v1/appeals/{trackingCode}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> feedback(@PathVariable String trackingCode, @RequestBody FeedbackRequest request) {
        return ResponseEntity.accepted().body(Map.of("feedbackId", responses.giveFeedback(trackingCode, request)));
    }

    @Operation(summary = "Answer the department's request for information",
            description = "Only while the appeal is INFO_REQUESTED (409 otherwise); restarts the paused legal clock.",
            responses = {@ApiResponse(responseCode = "202"), @ApiResponse(responseCode = "404"), @ApiResponse(responseCode = "409")})
    @Parameter(name = "X-Api-Key", in = ParameterIn.HEADER, required = true)
    @PostMapping(path = "/api/v1/appeals/{trackingCode}/replies", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> reply(@PathVariable String trackingCode, @RequestBody ReplyRequest request) {
        return ResponseEntity.accepted().body(Map.of("replyId", responses.reply(trackingCode, request)));
    }
}
