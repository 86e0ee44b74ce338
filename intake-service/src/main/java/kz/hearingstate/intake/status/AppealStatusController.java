package kz.hearingstate.intake.status;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import kz.hearingstate.web.security.ApiPrincipal;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The status of an appeal, for the two principals that may read it: the citizen with the access secret (no key),
 * and the submitting channel with its key and the tracking code. Never stored by a cache: it may hold the answer.
 */
@RestController
public class AppealStatusController {

    private final AppealLookup lookup;

    public AppealStatusController(AppealLookup lookup) {
        this.lookup = lookup;
    }

    @Operation(summary = "Status of an appeal by the citizen's access secret (the 202's statusUrl)",
            description = "Needs no key: the secret is the key. Rate-limited per client address (429 with Retry-After). "
                    + "Status, department, deadline, history of status changes and the answer once given. No personal data.",
            responses = {@ApiResponse(responseCode = "200"),
                    @ApiResponse(responseCode = "404", description = "Unknown secret (no hint why)"),
                    @ApiResponse(responseCode = "429", description = "Too many lookups from this address; see Retry-After")})
    @GetMapping(path = "/api/v1/appeals/access/{secret}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<AppealStatusResponse> bySecret(@PathVariable String secret) {
        return noStore(lookup.bySecret(secret));
    }

    @Operation(summary = "Status of an appeal by tracking code, for the channel that submitted it",
            description = "X-Api-Key of the submitting channel; any other channel gets 404, as for an unknown code.",
            responses = {@ApiResponse(responseCode = "200"),
                    @ApiResponse(responseCode = "401", description = "Missing or unknown X-Api-Key"),
                    @ApiResponse(responseCode = "404", description = "Unknown code or another channel's appeal (no hint why)")})
    @Parameter(name = "X-Api-Key", in = ParameterIn.HEADER, required = true)
    @GetMapping(path = "/api/v1/appeals/{trackingCode}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<AppealStatusResponse> byTrackingCode(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiPrincipal channel,
            @PathVariable String trackingCode) {
        return noStore(lookup.ofChannel(channel.name(), trackingCode));
    }

    private static ResponseEntity<AppealStatusResponse> noStore(AppealStatusView view) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(AppealStatusResponse.of(view));
    }
}
