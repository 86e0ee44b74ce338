package kz.hearingstate.intake.open311;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import kz.hearingstate.intake.category.CategoryCatalog;
import kz.hearingstate.intake.config.IntakeProperties.Category;
import kz.hearingstate.intake.status.AppealStatusView;
import kz.hearingstate.intake.submission.SubmissionReceipt;
import kz.hearingstate.intake.submission.SubmissionService;
import kz.hearingstate.web.security.ApiPrincipal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** Open311 GeoReport v2 under {@code /open311/v2}, every endpoint in {@code .json} and {@code .xml}. */
@Tag(name = "Open311 GeoReport v2")
@RestController
@RequestMapping("/open311/v2")
public class Open311Controller {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    private static final String CHANGESET = "2026-11-28T00:00:00Z";

    private final CategoryCatalog categories;
    private final Open311Requests requests;
    private final SubmissionService submissions;
    private final LocaleResolver localeResolver;
    private final JsonMapper json;
    private final Clock clock;

    public Open311Controller(CategoryCatalog categories, Open311Requests requests, SubmissionService submissions,
            LocaleResolver localeResolver, JsonMapper json, Clock clock) {
        this.categories = categories;
        this.requests = requests;
        this.submissions = submissions;
        this.localeResolver = localeResolver;
        this.json = json;
        this.clock = clock;
    }

    @Operation(summary = "Service discovery")
    @GetMapping("/discovery.{format}")
    public ResponseEntity<String> discovery(@PathVariable String format) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put("url", ServletUriComponentsBuilder.fromCurrentContextPath().path("/open311/v2").toUriString());
        endpoint.put("changeset", CHANGESET);
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("application/json", "text/xml"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", CHANGESET);
        discovery.put("contact", "Zhambyl district akimat, Almaty region");
        discovery.put("key_service", "API keys are issued per channel by the akimat");
        discovery.put("endpoints", List.of(endpoint));
        return format(format).renderObject("discovery", discovery, json);
    }

    @Operation(summary = "Services: one per appeal category")
    @GetMapping("/services.{format}")
    public ResponseEntity<String> services(@PathVariable String format, HttpServletRequest request) {
        Locale locale = localeResolver.resolveLocale(request);
        List<Map<String, Object>> services = categories.all().stream().map(category -> service(category, locale)).toList();
        return format(format).render(200, "services", "service", services, json);
    }

    @Operation(summary = "Service definition (no extra attributes)")
    @GetMapping("/services/{serviceCode}.{format}")
    public ResponseEntity<String> serviceDefinition(@PathVariable String serviceCode, @PathVariable String format) {
        Open311Format representation = format(format);
        Category category = categories.find(serviceCode)
                .orElseThrow(() -> new Open311Exception(404, "service_code " + serviceCode + " not found"));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", category.code());
        definition.put("attributes", List.of());
        return representation.renderObject("service_definition", definition, json);
    }

    @Operation(summary = "Post a service request (form-encoded, with api_key, or the X-Api-Key header); it becomes an appeal of the key's channel")
    @PostMapping(path = "/requests.{format}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> postRequest(@PathVariable String format, @RequestParam Map<String, String> form,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Parameter(hidden = true) @AuthenticationPrincipal ApiPrincipal channel) {
        Open311Format representation = format(format);
        SubmissionReceipt receipt = submissions.submit(channel.name(), idempotencyKey, requests.toAppeal(form));
        Map<String, Object> posted = new LinkedHashMap<>();
        posted.put("service_request_id", receipt.trackingCode());
        posted.put("token", receipt.appealId());
        posted.put("service_notice", "Registered " + receipt.registeredAt() + "; answer due by " + receipt.deadline());
        posted.put("account_id", null);
        return representation.render(201, "service_requests", "request", List.of(posted), json);
    }

    @Operation(summary = "Service requests, newest first (default: the last 90 days, at most 1000)")
    @GetMapping("/requests.{format}")
    public ResponseEntity<String> getRequests(@PathVariable String format, @RequestParam Map<String, String> query,
            HttpServletRequest request) {
        Open311Format representation = format(format);
        return representation.render(200, "service_requests", "request",
                requests.find(query, clock.instant(), localeResolver.resolveLocale(request)), json);
    }

    @Operation(summary = "One service request by its id (the tracking code)")
    @GetMapping("/requests/{id}.{format}")
    public ResponseEntity<String> getRequest(@PathVariable String id, @PathVariable String format, HttpServletRequest request) {
        Open311Format representation = format(format);
        AppealStatusView view = requests.byTrackingCode(id)
                .orElseThrow(() -> new Open311Exception(404, "service_request_id not found"));
        return representation.render(200, "service_requests", "request",
                List.of(requests.representation(view, localeResolver.resolveLocale(request))), json);
    }

    @Operation(summary = "The service request id of a token")
    @GetMapping("/tokens/{token}.{format}")
    public ResponseEntity<String> token(@PathVariable String token, @PathVariable String format) {
        Open311Format representation = format(format);
        AppealStatusView view = requests.byToken(token).orElseThrow(() -> new Open311Exception(404, "token not found"));
        Map<String, Object> found = new LinkedHashMap<>();
        found.put("service_request_id", view.trackingCode());
        found.put("token", token);
        return representation.render(200, "service_requests", "request", List.of(found), json);
    }

    private static Map<String, Object> service(Category category, Locale locale) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("service_code", category.code());
        service.put("service_name", Open311Requests.name(category, locale));
        service.put("description", Open311Requests.name(category, locale));
        service.put("metadata", false);
        service.put("type", "realtime");
        service.put("keywords", category.code());
        service.put("group", category.group());
        return service;
    }

    private static Open311Format format(String extension) {
        Open311Format format = Open311Format.of(extension);
        if (format == null) {
            throw new Open311Exception(404, "format must be json or xml");
        }
        return format;
    }
}
