package kz.hearingstate.routing.workflow;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.routing.access.ApiKeys;
import kz.hearingstate.routing.access.Caller;
import kz.hearingstate.routing.directory.Department;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The department workflow over HTTP, for departments without Kafka: their queue, one appeal, and the
 * actions. Every call needs the department's (or the admin's) {@code X-Api-Key}.
 */
@RestController
@Validated
public class AppealController {

    private final WorkflowService workflow;
    private final AppealStore store;
    private final ApiKeys apiKeys;

    public AppealController(WorkflowService workflow, AppealStore store, ApiKeys apiKeys) {
        this.workflow = workflow;
        this.store = store;
        this.apiKeys = apiKeys;
    }

    /** The department's routed queue, oldest registration first. */
    @GetMapping("/api/v1/departments/{code}/appeals")
    public Page inbox(@RequestHeader(value = ApiKeys.HEADER, required = false) String apiKey, @PathVariable String code,
            @RequestParam(required = false) AppealStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        apiKeys.requireDepartmentOrAdmin(apiKey, code);
        List<AppealView> items = store.ofDepartment(code, status, page, size).stream().map(AppealView::of).toList();
        return new Page(items, page, size, store.countOfDepartment(code, status));
    }

    /**
     * Open appeals past their warning or their deadline, across departments, nearest deadline first:
     * the akim's office sees what is late before it is late. akim-office or admin only.
     */
    @GetMapping("/api/v1/appeals/at-risk")
    public Page atRisk(@RequestHeader(value = ApiKeys.HEADER, required = false) String apiKey,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        apiKeys.requireDepartmentOrAdmin(apiKey, Department.AKIM_OFFICE);
        List<AppealView> items = store.atRisk(page, size).stream().map(AppealView::of).toList();
        return new Page(items, page, size, store.countAtRisk());
    }

    @GetMapping("/api/v1/appeals/{appealId}")
    public AppealView get(@RequestHeader(value = ApiKeys.HEADER, required = false) String apiKey, @PathVariable String appealId) {
        Caller caller = apiKeys.authenticate(apiKey);
        RoutedAppeal appeal = store.find(appealId).orElseThrow(() -> new AppealNotFoundException(appealId));
        if (!caller.admin() && !caller.isDepartment(appeal.department)) {
            throw new AppealNotFoundException(appealId); // do not reveal other departments' appeals
        }
        return AppealView.of(appeal);
    }

    @PostMapping("/api/v1/appeals/{appealId}/actions")
    public AppealView act(@RequestHeader(value = ApiKeys.HEADER, required = false) String apiKey,
            @PathVariable String appealId, @Valid @RequestBody ActionRequest request) {
        Caller caller = apiKeys.authenticate(apiKey);
        String actionId = request.actionId() == null || request.actionId().isBlank() ? UUID.randomUUID().toString() : request.actionId();
        Command command = new Command(actionId, appealId, request.action(), caller, request.reason(), request.answer(),
                request.targetDepartment(), request.outsideBody(), request.newDeadline());
        return AppealView.of(workflow.apply(command));
    }

    public record Page(List<AppealView> items, int page, int size, long total) {
    }
}
