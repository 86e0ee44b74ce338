package kz.hearingstate.routing.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import kz.hearingstate.web.FormOrigin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The way in: the login page, each role's first screen, and the "not for you" page. */
@Controller
public class WorkbenchController extends WorkbenchPage {

    private final ObjectProvider<ClientRegistrationRepository> oidcClients;

    public WorkbenchController(ObjectProvider<ClientRegistrationRepository> oidcClients) {
        this.oidcClients = oidcClients;
    }

    /** The form, and a link per configured SSO (none unless OIDC is configured). */
    @GetMapping("/workbench/login")
    public String login(Model model) {
        List<ClientRegistration> sso = new ArrayList<>();
        if (oidcClients.getIfAvailable() instanceof Iterable<?> registrations) {
            registrations.forEach(r -> sso.add((ClientRegistration) r));
        }
        model.addAttribute("sso", sso);
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

    /**
     * Spring Security forwards here a form refused for its CSRF token, mostly one whose session ended while it was
     * being written: nothing was saved, and what was typed (an answer, a reason) comes back to be copied, if the post
     * came from the workbench itself ({@link FormOrigin}).
     */
    @RequestMapping("/workbench/session-ended")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    public String sessionEnded(@RequestParam(required = false) String answer, @RequestParam(required = false) String reason,
            HttpServletRequest request, Model model) {
        model.addAttribute("unsaved", !FormOrigin.mayGiveBack(request) ? List.of() : Stream.of(answer, reason)
                .filter(text -> text != null && !text.isBlank()).toList());
        return "workbench/session-ended";
    }

    /** Spring Security forwards here when a role may not open a screen. */
    @RequestMapping("/workbench/forbidden")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    public String forbidden() {
        return "workbench/forbidden";
    }
}
