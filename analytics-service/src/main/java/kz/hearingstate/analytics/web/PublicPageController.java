package kz.hearingstate.analytics.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The transparency page lives at {@code /} (static index.html) and at {@code /public}. */
@Controller
class PublicPageController {

    @GetMapping({"/public", "/public/"})
    String publicPage() {
        return "forward:/index.html";
    }
}
