package kz.hearingstate.routing.classification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.google.re2j.PatternSyntaxException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import kz.hearingstate.routing.directory.DirectoryService;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.security.ApiPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin's override rules (the corrections' export is RoutingCorrectionsController's). Admin only: appeal-web's
 * API chain refuses every other key (403) and no key (401) before a body is read.
 */
@RestController
public class RoutingAdminController {

    private final OverrideRuleStore rules;
    private final DirectoryService directory;
    private final Clock clock;

    public RoutingAdminController(OverrideRuleStore rules, DirectoryService directory, Clock clock) {
        this.rules = rules;
        this.directory = directory;
        this.clock = clock;
    }

    public record RuleRequest(
            @NotBlank @Size(max = 500) String pattern,
            @NotBlank @Size(max = 40) String department,
            @Size(max = 300) String description,
            Integer priority,
            Boolean enabled) {
    }

    @GetMapping("/api/v1/admin/routing-rules")
    public List<OverrideRule> list() {
        return rules.all();
    }

    @PostMapping("/api/v1/admin/routing-rules")
    public ResponseEntity<OverrideRule> create(@AuthenticationPrincipal ApiPrincipal admin,
            @Valid @RequestBody RuleRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(rules.save(toRule(UUID.randomUUID().toString(), request, admin)));
    }

    @PutMapping("/api/v1/admin/routing-rules/{id}")
    public OverrideRule update(@AuthenticationPrincipal ApiPrincipal admin,
            @PathVariable String id, @Valid @RequestBody RuleRequest request) {
        rules.find(id).orElseThrow(ApiException::notFound);
        return rules.save(toRule(id, request, admin));
    }

    @DeleteMapping("/api/v1/admin/routing-rules/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        if (!rules.delete(id)) {
            throw ApiException.notFound();
        }
        return ResponseEntity.noContent().build();
    }

    private OverrideRule toRule(String id, RuleRequest request, ApiPrincipal admin) {
        try {
            OverrideRule.compileNew(request.pattern());
        } catch (PatternSyntaxException e) {
            throw ApiException.invalid("pattern", "not-a-regex", e.getDescription());
        }
        if (OverrideRule.asciiBoundaryBesideNonAscii(request.pattern())) {
            throw ApiException.invalid("pattern", "ascii-boundary");
        }
        if (!directory.isActive(request.department())) {
            throw ApiException.invalid("department", "unknown-department", request.department());
        }
        return new OverrideRule(id, request.pattern(), request.department(), request.description(),
                request.priority() == null ? 100 : request.priority(), request.enabled() == null || request.enabled(),
                admin.actor(), Instant.now(clock));
    }
}
