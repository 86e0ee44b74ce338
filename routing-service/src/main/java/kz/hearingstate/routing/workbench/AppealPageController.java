package kz.hearingstate.routing.workbench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import kz.hearingstate.events.ActionType;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.Language;
import kz.hearingstate.routing.workflow.AppealStateMachine;
import kz.hearingstate.routing.workflow.InvalidCommandException;
import kz.hearingstate.routing.workflow.RoutedAppeal;
import kz.hearingstate.web.problem.FieldViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * One appeal: its text, place, attachments, contact (masked unless the role may see it), history, and the
 * actions its status allows. An action that cannot be applied shows the page again with why: the fields it
 * lacks (400), or that the appeal changed meanwhile or its status does not allow it (409). Nothing is saved then.
 * After a forward to another department the user is back at the inbox, which says where the appeal went.
 */
@Controller
public class AppealPageController extends WorkbenchPage {

    private static final int MAX_REASON = 2000;
    private static final int MAX_ANSWER = 20000;

    private final Workbench workbench;
    private final MessageSource messages;
    private final DepartmentNames departmentNames;

    public AppealPageController(Workbench workbench, MessageSource messages, DepartmentNames departmentNames) {
        this.workbench = workbench;
        this.messages = messages;
        this.departmentNames = departmentNames;
    }

    @GetMapping("/workbench/appeals/{appealId}")
    public String appeal(Authentication authentication, @PathVariable String appealId,
            @RequestParam(required = false) ActionType done, Model model) {
        model.addAttribute("page", workbench.appeal(StaffUser.of(authentication), appealId));
        model.addAttribute("done", done);
        return "workbench/appeal";
    }

    /**
     * A language link or a reload on the page that answered a failed action (its address is the form's): back to the
     * appeal's page rather than a 405.
     */
    @GetMapping("/workbench/appeals/{appealId}/actions")
    public String backToAppeal(@PathVariable String appealId) {
        return "redirect:/workbench/appeals/" + UriUtils.encodePathSegment(appealId, StandardCharsets.UTF_8);
    }

    @PostMapping("/workbench/appeals/{appealId}/actions")
    public String act(Authentication authentication, @PathVariable String appealId,
            @RequestParam(required = false) String actionId, @RequestParam ActionType action,
            @RequestParam(required = false) Long sequence, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String answer, @RequestParam(required = false) String targetDepartment,
            @RequestParam(required = false) String outsideBody,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate newDeadline,
            Model model, HttpServletResponse response) {
        StaffUser user = StaffUser.of(authentication);
        // A browser sends a text area's line breaks as CRLF: each counts as one character. The text areas carry no
        // maxlength, which would cut a pasted text silently; a text over the limit comes back whole with the error.
        reason = reason == null ? null : reason.replace("\r\n", "\n");
        answer = answer == null ? null : answer.replace("\r\n", "\n");
        List<FieldViolation> errors = new ArrayList<>();
        if (reason != null && reason.length() > MAX_REASON) {
            errors.add(FieldViolation.of("reason", "too-long", MAX_REASON));
        }
        if (answer != null && answer.length() > MAX_ANSWER) {
            errors.add(FieldViolation.of("answer", "too-long", MAX_ANSWER));
        }
        Workbench.ActionForm form = new Workbench.ActionForm(actionId, action, sequence, reason, answer, targetDepartment,
                outsideBody, newDeadline);
        if (errors.isEmpty()) {
            try {
                RoutedAppeal changed = workbench.act(user, appealId, form);
                if (action == ActionType.FORWARD && changed.status() == AppealStatus.ROUTED) {
                    // Forwarded to another department: the appeal is theirs now, and its page would be "not found".
                    return "redirect:/workbench/inbox?forwarded=" + UriUtils.encodeQueryParam(changed.department(), StandardCharsets.UTF_8);
                }
                return "redirect:/workbench/appeals/" + appealId + "?done=" + action.name();
            } catch (OptimisticLockingFailureException e) { // StaleAppealException is one too
                // The page's sequence is old, or others kept writing the appeal through every retry: either way it
                // changed while this was tried, and nothing of it was saved.
                response.setStatus(409);
                model.addAttribute("problem", "stale");
            } catch (AppealStateMachine.InvalidTransitionException e) {
                response.setStatus(409);
                model.addAttribute("problem", "transition");
            } catch (InvalidCommandException e) {
                errors.addAll(e.violations());
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("problem", "invalid");
            Map<String, String> messages = new LinkedHashMap<>();
            errors.forEach(error -> messages.put(error.field(), message(error)));
            model.addAttribute("errors", messages);
        }
        model.addAttribute("page", workbench.appeal(user, appealId));
        model.addAttribute("form", form);
        return "workbench/appeal";
    }

    /**
     * A field's error for staff: the workbench's own wording where the API's names its fields ({@code wb.validation.*}),
     * else the API's; moments in the legal clock's zone, not as UTC instants; a department the directory knows by its
     * name in the page's language (the API names it by code, for the systems that read it).
     */
    private String message(FieldViolation error) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean namesADepartment = "already-assigned".equals(error.code());
        Object[] arguments = error.arguments().stream()
                .map(argument -> argument instanceof Instant instant ? workbench.format(instant)
                        : namesADepartment && argument instanceof String code ? departmentNames.of(code, locale) : argument)
                .toArray();
        String api = this.messages.getMessage("validation." + error.code(), arguments, error.code(), locale);
        return this.messages.getMessage("wb.validation." + error.code(), arguments, api, locale);
    }

    /** A template's text in the citizen's language, as the answer box (htmx swaps it in). */
    @GetMapping("/workbench/appeals/{appealId}/template")
    public String template(Authentication authentication, @PathVariable String appealId, @RequestParam int index,
            Model model) {
        AppealPage page = workbench.appeal(StaffUser.of(authentication), appealId);
        String text = "";
        if (index >= 0 && index < page.templates().size()) {
            Language language = page.appeal().language();
            Map<Language, String> texts = page.templates().get(index).text();
            text = texts.getOrDefault(language, texts.getOrDefault(Language.ru, ""));
        }
        model.addAttribute("answerText", text);
        return "workbench/appeal :: answer-box";
    }
}
