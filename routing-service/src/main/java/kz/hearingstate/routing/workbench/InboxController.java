package kz.hearingstate.routing.workbench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import kz.hearingstate.events.AppealStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A department's inbox: the page, and its rows alone for htmx to refresh every few seconds. A refresh that would show
 * the same rows answers 204, which htmx leaves unswapped: the table, the reader's place in it and the focus stay, and
 * the status line (a polite live region) speaks only when the list did change.
 */
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
            @RequestParam(required = false) String forwarded, Locale locale, Model model) {
        StaffUser user = StaffUser.of(authentication);
        rows(user, status, category, settlement, q, review, locale, model);
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
    public Object rows(Authentication authentication, @RequestParam(required = false) AppealStatus status,
            @RequestParam(required = false) String category, @RequestParam(required = false) String settlement,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean review,
            @RequestParam(required = false) String seen, Locale locale, Model model) {
        String version = rows(StaffUser.of(authentication), status, category, settlement, q, review, locale, model);
        if (version.equals(seen)) {
            return ResponseEntity.noContent().build();
        }
        model.addAttribute("updatedAt", workbench.formattedNow());
        return "workbench/inbox-rows";
    }

    /** Puts the rows, the filter and the rows' version in the model; returns the version. */
    private String rows(StaffUser user, AppealStatus status, String category, String settlement, String q, boolean review,
            Locale locale, Model model) {
        // Only the officer has review-band appeals, and only the officer may learn which they are.
        Workbench.Filter filter = new Workbench.Filter(status, category, settlement, q, review && user.is(StaffRole.ANTI_CORRUPTION));
        List<AppealRow> rows = workbench.inbox(user, filter);
        String version = version(rows, locale);
        model.addAttribute("rows", rows);
        model.addAttribute("filter", filter);
        model.addAttribute("rowsVersion", version);
        return version;
    }

    /**
     * A digest of everything the rows show (each row is a record of what its cells render, working days included) in
     * the page's language: equal digests, equal tables.
     */
    static String version(List<AppealRow> rows, Locale locale) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((locale.toLanguageTag() + "\n" + rows).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
