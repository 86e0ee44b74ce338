package kz.hearingstate.routing.workbench;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The way in: the login page, each role's first screen, and the "not for you" page. */
@Controller
public class WorkbenchController {

    @GetMapping("/workbench/login")
    public String login() {
        return "workbench/login";
    }

    @GetMapping({"/workbench", "/workbench/"})
    public String home(Authentication authentication) {
        StaffUser user = StaffUser.of(authentication);
        if (user.hasInbox()) {
            return "redirect:/workbench/inbox";
        }
        return user.is(StaffRole.AKIM_OFFICE) ? "redirect:/workbench/office" : "redirect:/workbench/triage";
    }

    /** Spring Security forwards here when a role may not open a screen. */
    @RequestMapping("/workbench/forbidden")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    public String forbidden() {
        return "workbench/forbidden";
    }
}
