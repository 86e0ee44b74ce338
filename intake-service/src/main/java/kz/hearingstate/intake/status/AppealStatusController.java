package kz.hearingstate.intake.status;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/appeals/{trackingCode}}: the citizen's view of an appeal. Needs no key: the code is the secret. */
@RestController
public class AppealStatusController {

    private final AppealLookup lookup;

    public AppealStatusController(AppealLookup lookup) {
        this.lookup = lookup;
    }

    @Operation(summary = "Status of an appeal by tracking code",
            description = "Status, department, deadline, history of status changes and the answer once given. No personal data.",
            responses = {@ApiResponse(responseCode = "200"),
                    @ApiResponse(responseCode = "404", description = "Unknown code (no hint why)")})
    @GetMapping(path = "/api/v1/appeals/{trackingCode}", produces = MediaType.APPLICATION_JSON_VALUE)
    public AppealStatusResponse status(@PathVariable String trackingCode) {
        return AppealStatusResponse.of(lookup.byTrackingCode(trackingCode));
    }
}
