package kz.hearingstate.routing.classification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import kz.hearingstate.routing.access.ApiKeys;
import kz.hearingstate.routing.access.Caller;
import kz.hearingstate.routing.directory.DirectoryService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The admin's override rules, and the hand-made corrections to export as training data. */
@RestController
public class RoutingAdminController {

    private final OverrideRuleStore rules;
    private final CorrectionStore corrections;
    private final DirectoryService directory;
    private final ApiKeys apiKeys;
    private final Clock clock;

    public RoutingAdminController(OverrideRuleStore rules, CorrectionStore corrections, DirectoryService directory,
            ApiKeys apiKeys, Clock clock) {
        this.rules = rules;
        this.corrections = corrections;
        this.directory = directory;
        this.apiKeys = apiKeys;
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
    public List<OverrideRule> list(@RequestHeader(value = ApiKeys.HEADER, required = false) String apiKey) {
        apiKeys.requireAdmin(apiKey);
        return rules.all();
    }

    @PostMapping("/api/v1/admin/routing-rules")
    public ResponseEntity<OverrideRule> create(@RequestHeader(value = ApiKeys.HEADER, required = false) String apiKey,
            @Valid @RequestBody RuleRequest request) {
        Caller admin = apiKeys.requireAdmin(apiKey);
        return ResponseEntity.status(HttpStatus.CREATED).body(rules.save(toRule(UUID.randomUUID().toString(), request, admin)));
    }

    @PutMapping("/api/v1/admin/routing-rules/{id}")
    public OverrideRule update(@RequestHeader(value = ApiKeys.HEADER, required = false) String apiKey,
            @PathVariable String id, @Valid @RequestBody RuleRequest request) {
        Caller admin = apiKeys.requireAdmin(apiKey);
        rules.find(id).orElseThrow(() -> new RuleNotFoundException(id));
        return rules.save(toRule(id, request, admin));
    }

    @DeleteMapping("/api/v1/admin/routing-rules/{id}")
    public ResponseEntity<Void> delete(@RequestHeader(value = ApiKeys.HEADER, required = false) String apiKey,
            @PathVariable String id) {
        apiKeys.requireAdmin(apiKey);
        if (!rules.delete(id)) {
            throw new RuleNotFoundException(id);
        }
        return ResponseEntity.noContent().build();
    }

    /** Hand-made routings as labelled data, in the training set's JSON Lines shape (see README, "Retraining"). */
    @GetMapping(value = "/api/v1/admin/routing-corrections", produces = "application/x-ndjson")
    public String corrections(@RequestHeader(value = ApiKeys.HEADER, required = false) String apiKey) {
        apiKeys.requireAdmin(apiKey);
        StringBuilder lines = new StringBuilder();
        for (RoutingCorrection c : corrections.all()) {
            lines.append(tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(new LabelledAppeal(
                    "C-" + c.id(), c.language() == null ? null : c.language().name(), "correction", c.text(),
                    c.department()))).append('\n');
        }
        return lines.toString();
    }

    private OverrideRule toRule(String id, RuleRequest request, Caller admin) {
        try {
            Pattern.compile(request.pattern());
        } catch (PatternSyntaxException e) {
            throw new InvalidRuleException("pattern", "not a regular expression: " + e.getDescription());
        }
        if (!directory.isActive(request.department())) {
            throw new InvalidRuleException("department", "no such department: " + request.department());
        }
        return new OverrideRule(id, request.pattern(), request.department(), request.description(),
                request.priority() == null ? 100 : request.priority(), request.enabled() == null || request.enabled(),
                admin.actor(), Instant.now(clock));
    }

    /** 400: the rule's pattern does not compile, or its department does not exist. */
    public static class InvalidRuleException extends RuntimeException {
        private final String field;

        public InvalidRuleException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** 404 */
    public static class RuleNotFoundException extends RuntimeException {
        public RuleNotFoundException(String id) {
            super("No routing rule " + id + ".");
        }
    }
}
