package kz.hearingstate.routing.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import kz.hearingstate.events.ActionType;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.routing.directory.ConfidentialReader;
import kz.hearingstate.routing.directory.Department;
import kz.hearingstate.routing.directory.DirectoryService;
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
    private final DirectoryService directory;

    public AppealController(WorkflowService workflow, AppealStore store, DirectoryService directory) {
        this.directory = directory;
        this.workflow = workflow;
        this.store = store;
    }

    /** The department's routed queue, oldest registration first; of a confidential department, only its own key sees content. */
    @GetMapping("/api/v1/departments/{code}/appeals")
    public Page inbox(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable String code,
            @RequestParam(required = false) AppealStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        requireActsFor(caller, code);
        boolean withContent = reader(caller).sees(code);
        List<AppealView> items = store.ofDepartment(code, status, page, size).stream()
                .map(appeal -> view(caller, appeal, withContent)).toList();
        return new Page(items, page, size, store.countOfDepartment(code, status));
    }

    /**
     * Open appeals past their warning or their deadline, across departments, nearest deadline first:
     * the akim's office sees what is late before it is late. akim-office or admin only. Appeals of a
     * confidential department are not listed: {@code confidential} gives their count and deadlines per department.
     */
    @GetMapping("/api/v1/appeals/at-risk")
    public AtRiskPage atRisk(@AuthenticationPrincipal ApiPrincipal caller,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        requireActsFor(caller, Department.AKIM_OFFICE);
        Set<String> confidential = new TreeSet<>(directory.confidentialCodes());
        List<AppealView> items = store.atRisk(page, size, confidential).stream()
                .map(appeal -> view(caller, appeal, true)).toList();
        List<ConfidentialAtRisk> counts = confidential.stream().map(code -> {
            List<Instant> deadlines = store.atRiskDeadlines(code);
            return new ConfidentialAtRisk(code, deadlines.size(), deadlines);
        }).filter(c -> c.count() > 0).toList();
        return new AtRiskPage(items, page, size, store.countAtRisk(confidential), counts);
    }

    @GetMapping("/api/v1/appeals/{appealId}")
    public AppealView get(@AuthenticationPrincipal ApiPrincipal caller, @PathVariable String appealId) {
        RoutedAppeal appeal = store.find(appealId).orElseThrow(() -> new AppealNotFoundException(appealId));
        if (!caller.actsFor(appeal.department)) {
            throw new AppealNotFoundException(appealId); // do not reveal other departments' appeals
        }
        return view(caller, appeal, withContent(caller, appeal));
    }

    @PostMapping("/api/v1/appeals/{appealId}/actions")
    public AppealView act(@AuthenticationPrincipal ApiPrincipal caller,
            @PathVariable String appealId, @Valid @RequestBody ActionRequest request) {
        String actionId = request.actionId() == null || request.actionId().isBlank() ? UUID.randomUUID().toString() : request.actionId();
        Command command = new Command(actionId, appealId, request.action(), caller, request.reason(), request.answer(),
                request.targetDepartment(), request.outsideBody(), request.newDeadline());
        RoutedAppeal changed = workflow.apply(command);
        if (!caller.actsFor(changed.department)) {
            // After its own forward or routing (or its retry) the caller learns where it sent the appeal, not what is in
            // it now: the caller is the department it came from, and it is still where the caller sent it. Anything else
            // (an old action id sent again, as it was or dressed as a forward to a guessed department, once the appeal
            // has moved on, perhaps to anti-corruption) is answered as an appeal not the caller's.
            boolean sentThere = (request.action() == ActionType.FORWARD || request.action() == ActionType.ROUTE)
                    && caller.actsFor(changed.previousDepartment) && Objects.equals(changed.department, request.targetDepartment());
            if (!sentThere) {
                throw ApiException.notFound();
            }
            return AppealView.sentOn(changed).seenBy(reader(caller));
        }
        return view(caller, changed, withContent(caller, changed));
    }

    /**
     * The view for this caller: the confidential department an appeal came from is that department's to know, and the
     * citizen's contact the holder's.
     */
    private AppealView view(ApiPrincipal caller, RoutedAppeal appeal, boolean withContent) {
        AppealView view = AppealView.of(appeal, withContent).seenBy(reader(caller));
        return caller.isDepartment(appeal.department) ? view
                : view.withCitizenMasked(); // the citizen's contact is the holder's, to answer
    }

    /** Content of a confidential department's appeal is for that department alone, not even the admin. */
    private boolean withContent(ApiPrincipal caller, RoutedAppeal appeal) {
        return reader(caller).sees(appeal.department);
    }

    /** Over the API, a department's own key speaks for it. */
    private ConfidentialReader reader(ApiPrincipal caller) {
        return directory.reader(caller::isDepartment);
    }

    /** Another department's queue (or the akim's office's at-risk list) reads as not found, like an appeal. */
    private static void requireActsFor(ApiPrincipal caller, String department) {
        if (!caller.actsFor(department)) {
            throw ApiException.notFound();
        }
    }

    public record Page(List<AppealView> items, int page, int size, long total) {
    }

    /** The at-risk list: {@code items} of non-confidential departments, and per confidential department a count and deadlines. */
    public record AtRiskPage(List<AppealView> items, int page, int size, long total, List<ConfidentialAtRisk> confidential) {
    }

    public record ConfidentialAtRisk(String department, long count, List<Instant> deadlines) {
    }
}
