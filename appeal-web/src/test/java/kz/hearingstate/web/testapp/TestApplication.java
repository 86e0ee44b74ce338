package kz.hearingstate.web.testapp;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.ProblemType;
import kz.hearingstate.web.security.ApiAccessRules;
import kz.hearingstate.web.security.ApiPrincipal;
import kz.hearingstate.web.security.PrincipalKind;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A small service on appeal-web: the boundaries every real service has, to try to cross them. */
@SpringBootApplication
public class TestApplication {

    /** Counts how often a request body was turned into an object: must stay 0 for refused requests. */
    public static final AtomicInteger BODIES_BOUND = new AtomicInteger();
    /** Counts the downloads that ended, however: the client may hang up half way. */
    public static final AtomicInteger DOWNLOADS_ENDED = new AtomicInteger();

    @Bean
    ApiAccessRules testRules() {
        return rules -> rules
                .requestMatchers("/api/admin/**").hasRole(PrincipalKind.ADMIN.role())
                .requestMatchers(HttpMethod.GET, "/api/open/**").permitAll();
    }

    public record Thing(@NotBlank @Size(max = 10) String name, @Min(1) @Max(5) int rating) {
        @JsonCreator
        public Thing {
            BODIES_BOUND.incrementAndGet();
        }
    }

    @RestController
    static class Things {

        /** Items of a department: visible to that department and the admin only. */
        private static final Map<String, String> OWNER = Map.of("h-1", "housing-utilities", "e-1", "education");

        @PostMapping(path = "/api/things", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
        Map<String, Object> create(@AuthenticationPrincipal ApiPrincipal caller, @Valid @RequestBody Thing thing) {
            return Map.of("name", thing.name(), "by", caller.actor());
        }

        @GetMapping(path = "/api/things/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
        Map<String, String> get(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable String id) {
            String owner = OWNER.get(id);
            if (owner == null || !caller.actsFor(owner)) {
                throw ApiException.notFound(); // "not yours" reads exactly like "not there"
            }
            return Map.of("id", id, "owner", owner);
        }

        @GetMapping(path = "/api/open/count", produces = MediaType.APPLICATION_JSON_VALUE)
        Map<String, Integer> count(@RequestParam int from) {
            return Map.of("from", from);
        }

        /** A form post, as the pages send: how many characters its name has. */
        @PostMapping(path = "/api/things/form", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
        Map<String, Integer> formPost(@RequestParam String name) {
            return Map.of("length", name.length());
        }

        /** Says whether a form parameter of a PUT's body was read: no endpoint takes one, so none may be. */
        @org.springframework.web.bind.annotation.PutMapping(path = "/api/open/form")
        Map<String, Boolean> form(@RequestParam(required = false) String name) {
            return Map.of("read", name != null);
        }

        @GetMapping(path = "/api/open/busy")
        Map<String, String> busy() {
            throw ApiException.retryLater(ProblemType.RATE_LIMITED, Duration.ofMillis(2500));
        }

        /** 100 MB, more than any socket buffer holds: a client that hangs up makes the write fail. */
        @GetMapping(path = "/api/open/download")
        void download(HttpServletResponse response) throws IOException {
            try {
                response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
                OutputStream out = response.getOutputStream();
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 1600; i++) {
                    out.write(chunk);
                }
            } finally {
                DOWNLOADS_ENDED.incrementAndGet();
            }
        }

        @GetMapping(path = "/api/open/broken")
        Map<String, String> broken() {
            throw new IllegalStateException("secret internals");
        }

        /** A route whose path carries a secret, as a citizen's access link does. */
        @GetMapping(path = "/api/open/broken/{secret}")
        Map<String, String> brokenWithSecret(@org.springframework.web.bind.annotation.PathVariable String secret) {
            throw new IllegalStateException("secret internals");
        }

        @GetMapping(path = "/api/admin/report", produces = MediaType.APPLICATION_JSON_VALUE)
        Map<String, String> report(@AuthenticationPrincipal ApiPrincipal caller) {
            return Map.of("for", caller.actor());
        }
    }
}
