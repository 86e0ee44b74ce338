package kz.hearingstate.intake.portal;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The links of notification's later messages, {@code PUBLIC_BASE_URL/appeals/<tracking code>} ("progress") and
 * {@code .../feedback} ("rate the answer"), for a person who follows them from an e-mail: the tracking code
 * alone opens nothing (only the private link of the first message does), so the page says where that link is,
 * in the person's language. It is the same page for every code, existing or not, and shows none of it.
 */
@Controller
class TrackingCodeLinks {

    static final String PATH = "/appeals";

    private final PortalErrors pages;

    TrackingCodeLinks(PortalErrors pages) {
        this.pages = pages;
    }

    @GetMapping({PATH + "/{trackingCode}", PATH + "/{trackingCode}/feedback"})
    String usePrivateLink(Model model, Locale locale) {
        return pages.page(model, locale, "portal.tracking.title", "portal.tracking.text", List.of());
    }
}
