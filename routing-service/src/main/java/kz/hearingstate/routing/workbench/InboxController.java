package kz.hearingstate.routing.workbench;

import kz.hearingstate.events.AppealStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A department's inbox: the page, and its rows alone for htmx to refresh every few seconds. */
@Controller
public class InboxController extends WorkbenchPage {

    private final Workbench workbench;
    private final WorkbenchProperties properties;

    public InboxController(Workbench workbench, WorkbenchProperties properties) {
        this.workbench = workbench;
        this.properties = properties;
    }

    @GetMapping("/workbench/inbox")
    public String inbox(Authentication authentication, @RequestParam(required = false) AppealStatus status,
            @RequestParam(required = false) String category, @RequestParam(required = false) String settlement,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean review,
            @RequestParam(required = false) String forwarded, Model model) {
        StaffUser user = StaffUser.of(authentication);
        rows(user, status, category, settlement, q, review, model);
        if (forwarded != null && workbench.activeDepartments().stream().anyMatch(d -> d.code().equals(forwarded))) {
            model.addAttribute("forwarded", forwarded); // after a forward from an appeal's page (a known code only)
        }
        model.addAttribute("department", workbench.department(user.department()));
        model.addAttribute("statuses", AppealStatus.values());
        model.addAttribute("refreshSeconds", Math.max(1, properties.refresh().toSeconds()));
        if (user.is(StaffRole.HEAD)) {
            model.addAttribute("figures", workbench.figures(user));
        }
        return "workbench/inbox";
    }

    @GetMapping("/workbench/inbox/rows")
    public String rows(Authentication authentication, @RequestParam(required = false) AppealStatus status,
            @RequestParam(required = false) String category, @RequestParam(required = false) String settlement,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean review, Model model) {
        rows(StaffUser.of(authentication), status, category, settlement, q, review, model);
        return "workbench/inbox :: rows";
    }

    private void rows(StaffUser user, AppealStatus status, String category, String settlement, String q, boolean review,
            Model model) {
        // Only the officer has review-band appeals, and only the officer may learn which they are.
        Workbench.Filter filter = new Workbench.Filter(status, category, settlement, q, review && user.is(StaffRole.ANTI_CORRUPTION));
        model.addAttribute("rows", workbench.inbox(user, filter));
        model.addAttribute("filter", filter);
    }
}
