package kz.hearingstate.routing.workbench;

import kz.hearingstate.events.ActionType;
import kz.hearingstate.routing.workflow.AppealStateMachine;
import kz.hearingstate.routing.workflow.InvalidCommandException;
import kz.hearingstate.routing.workflow.StaleAppealException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The triage desk: appeals the model was unsure of, with its suggestions; one click routes one (a ROUTE
 * through the workflow, which keeps it as a correction for retraining).
 */
@Controller
public class TriageController extends WorkbenchPage {

    private final Workbench workbench;

    public TriageController(Workbench workbench) {
        this.workbench = workbench;
    }

    @GetMapping("/workbench/triage")
    public String triage(Model model) {
        model.addAttribute("items", workbench.triage());
        model.addAttribute("departments", workbench.activeDepartments());
        return "workbench/triage";
    }

    @PostMapping("/workbench/triage/{appealId}/route")
    public String route(Authentication authentication, @PathVariable String appealId, @RequestParam String actionId,
            @RequestParam Long sequence, @RequestParam String targetDepartment, RedirectAttributes redirect) {
        try {
            workbench.act(StaffUser.of(authentication), appealId, new Workbench.ActionForm(actionId, ActionType.ROUTE,
                    sequence, null, null, targetDepartment, null, null)); // the workflow's own reason: routed by hand
            redirect.addFlashAttribute("routed", targetDepartment);
        } catch (StaleAppealException | AppealStateMachine.InvalidTransitionException e) {
            redirect.addFlashAttribute("problem", "stale");
        } catch (InvalidCommandException e) {
            redirect.addFlashAttribute("problem", "invalid");
        }
        return "redirect:/workbench/triage";
    }
}
