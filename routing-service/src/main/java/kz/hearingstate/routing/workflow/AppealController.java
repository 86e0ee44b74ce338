package kz.hearingstate.routing.workflow;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.routing.directory.Department;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.security.ApiPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The department workflow over HTTP, for departments without Kafka: their queue, one appeal, and the
 * actions. Every call needs the department's (or the admin's) {@code X-Api-Key}, checked by appeal-web's filter
 * before anything here runs; another department's appeal or queue is answered as not found.
 */
@RestController
@Validated
public class AppealController {

    private final WorkflowService workflow;
    private final AppealStore store;

    public AppealController(WorkflowService workflow, AppealStore store) {
        this.workflow = workflow;
        this.store = store;
    }

    /** The department's routed queue, oldest registration first. */
    @GetMapping("/api/v1/departments/{code}/appeals")
    public Page inbox(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable String code,
            @RequestParam(required = false) AppealStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        requireActsFor(caller, code);
        List<AppealView> items = store.ofDepartment(code, status, page, size).stream().map(AppealView::of).toList();
        return new Page(items, page, size, store.countOfDepartment(code, status));
    }

    /**
     * Open appeals past their warning or their deadline, across departments, nearest deadline first:
     * the akim's office sees what is late before it is late. akim-office or admin only.
     */
    @GetMapping("/api/v1/appeals/at-risk")
    public Page atRisk(@AuthenticationPrincipal ApiPrincipal caller,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        requireActsFor(caller, Department.AKIM_OFFICE);
        List<AppealView> items = store.atRisk(page, size).stream().map(AppealView::of).toList();
        return new Page(items, page, size, store.countAtRisk());
    }

    @GetMapping("/api/v1/appeals/{appealId}")
    public AppealView get(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable String appealId) {
        RoutedAppeal appeal = store.find(appealId).orElseThrow(() -> new AppealNotFoundException(appealId));
        if (!caller.actsFor(appeal.department)) {
            throw new AppealNotFoundException(appealId); // do not reveal other departments' appeals
        }
        return AppealView.of(appeal);
    }

    @PostMapping("/api/v1/appeals/{appealId}/actions")
    public AppealView act(@AuthenticationPrincipal ApiPrincipal caller,
            @PathVariable String appealId, @Valid @RequestBody ActionRequest request) {
        String actionId = request.actionId() == null || request.actionId().isBlank() ? UUID.randomUUID().toString() : request.actionId();
        Command command = new Command(actionId, appealId, request.action(), caller, request.reason(), request.answer(),
                request.targetDepartment(), request.outsideBody(), request.newDeadline());
        return AppealView.of(workflow.apply(command));
    }

    /** Another department's queue (or the akim's office's at-risk list) reads as not found, like an appeal. */
    private static void requireActsFor(ApiPrincipal caller, String department) {
        if (!caller.actsFor(department)) {
            throw ApiException.notFound();
        }
    }

    public record Page(List<AppealView> items, int page, int size, long total) {
    }
}
