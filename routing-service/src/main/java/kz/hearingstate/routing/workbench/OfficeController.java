package kz.hearingstate.routing.workbench;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The akim's office: per-department figures and the at-risk and overdue appeals across departments. */
@Controller
public class OfficeController extends WorkbenchPage {

    private final Workbench workbench;

    public OfficeController(Workbench workbench) {
        this.workbench = workbench;
    }

    @GetMapping("/workbench/office")
    public String office(Model model) {
        model.addAttribute("office", workbench.office());
        return "workbench/office";
    }
}
