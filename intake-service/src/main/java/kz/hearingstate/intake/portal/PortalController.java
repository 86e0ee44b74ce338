package kz.hearingstate.intake.portal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.hearingstate.clock.LegalClock;
import kz.hearingstate.events.Language;
import kz.hearingstate.intake.category.CategoryCatalog;
import kz.hearingstate.intake.channel.TokenBucket;
import kz.hearingstate.intake.directory.DepartmentDirectory;
import kz.hearingstate.intake.feedback.FeedbackRequest;
import kz.hearingstate.intake.feedback.ReplyRequest;
import kz.hearingstate.intake.status.AppealStatusView;
import kz.hearingstate.intake.submission.SubmissionReceipt;
import kz.hearingstate.intake.submission.SubmissionService;
import kz.hearingstate.intake.web.IntakeProblems;
import kz.hearingstate.messaging.EventPublisher.EventNotAcknowledgedException;
import kz.hearingstate.web.CategoryNames;
import kz.hearingstate.web.FormOrigin;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.FieldViolation;
import kz.hearingstate.web.problem.ProblemResponses;
import kz.hearingstate.web.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The citizen portal's pages. Submissions go through {@link SubmissionService} as the portal channel, with the
 * same rules and the same Kafka-first path as the API; every refusal is a page in the person's language with
 * what they typed kept, never a problem document.
 */
@Controller
@RequestMapping(PortalConfiguration.PATH)
class PortalController {

    /** The forms of an appeal's page, by the address they post to: {@code /portal/a/<token>/reply} or {@code /feedback}. */
    private static final Pattern APPEAL_FORM = Pattern.compile(Pattern.quote(PortalConfiguration.PATH) + "/a/([0-9A-Za-z]+)/(?:reply|feedback)");

    private static final Logger log = LoggerFactory.getLogger(PortalController.class);

    private final SubmissionService submissions;
    private final PortalAccess access;
    private final PortalRateLimits rateLimits;
    private final CategoryCatalog categories;
    private final DepartmentDirectory directory;
    private final ProblemResponses messages;
    private final PortalProperties properties;
    private final PortalDates dates;
    private final IntakeProblems intakeProblems;

    PortalController(SubmissionService submissions, PortalAccess access, PortalRateLimits rateLimits,
            CategoryCatalog categories, DepartmentDirectory directory, ProblemResponses messages,
            PortalProperties properties, LegalClock legalClock, IntakeProblems intakeProblems) {
        this.submissions = submissions;
        this.access = access;
        this.rateLimits = rateLimits;
        this.categories = categories;
        this.directory = directory;
        this.messages = messages;
        this.properties = properties;
        this.dates = new PortalDates(legalClock.zone());
        this.intakeProblems = intakeProblems;
    }

    @ModelAttribute
    void everyPage(Model model, Locale locale) {
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("transparencyUrl", properties.transparencyUrl().toString());
    }

    @GetMapping({"", "/"})
    String form(Model model, Locale locale) {
        PortalForm form = new PortalForm();
        form.setFormId(UUID.randomUUID().toString());
        form.setLanguage(locale.getLanguage());
        return formPage(model, form, Map.of(), null, locale);
    }

    /** The answer page of a post is at this address too; a language switch there opens a fresh form. */
    @GetMapping("/appeals")
    String formAgain() {
        return "redirect:" + PortalConfiguration.PATH;
    }

    @PostMapping("/appeals")
    String submit(@ModelAttribute("form") PortalForm form, BindingResult ignoredBinding, Model model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        if (form.getWebsite() != null && !form.getWebsite().isEmpty()) {
            log.info("Portal form with the honeypot filled in: refused");
            throw new ApiException(ProblemType.BAD_REQUEST);
        }
        TokenBucket.Decision decision = rateLimits.post(request.getRemoteAddr());
        if (!decision.allowed()) {
            return refusedForm(model, form, locale, response, ApiException.retryLater(ProblemType.RATE_LIMITED, decision.retryAfter()));
        }
        List<FieldViolation> formViolations = PortalAppeals.formViolations(form);
        if (!formViolations.isEmpty()) {
            response.setStatus(400);
            return formPage(model, form, errors(formViolations, locale), null, locale);
        }
        try {
            SubmissionReceipt receipt = submissions.submit(properties.channel(), idempotencyKey(form),
                    PortalAppeals.toRequest(form, Language.valueOf(locale.getLanguage())));
            model.addAttribute("trackingCode", receipt.trackingCode());
            model.addAttribute("privateLink", ServletUriComponentsBuilder.fromContextPath(request)
                    .path(PortalConfiguration.PATH + "/a/" + access.tokenOf(receipt)).toUriString());
            model.addAttribute("deadline", dates.date(receipt.deadline(), locale));
            model.addAttribute("anonymous", form.isAnonymous());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            return "portal/submitted";
        } catch (ApiException e) {
            if (e.type() == ProblemType.VALIDATION_FAILED) {
                response.setStatus(400);
                return formPage(model, form, errors(e.violations(), locale), null, locale);
            }
            if (e.type() == ProblemType.IDEMPOTENCY_KEY_REUSED
                    && !submissions.isKnownAccepted(properties.channel(), idempotencyKey(form))) {
                // The form's earlier try is not known to have arrived (Kafka did not confirm it), and the citizen changed
                // the text since: not "already sent", which would let them leave with perhaps nothing sent. A new form id
                // makes the next try a new appeal; should the earlier one arrive after all, there are two, none lost.
                form.setFormId(UUID.randomUUID().toString());
                response.setStatus(e.type().status().value());
                return formPage(model, form, Map.of(), messages.message("portal.refused.earlier-try-unconfirmed", List.of(), locale),
                        locale);
            }
            if (e.type() == ProblemType.OVERLOADED) {
                // Refused before anything was sent, so the next try is a new submission: under the same key, a corrected
                // text would meet the refused try's reservation (it may still be written after the refusal) and be
                // refused as the key's other content.
                form.setFormId(UUID.randomUUID().toString());
            }
            return refusedForm(model, form, locale, response, e);
        } catch (EventNotAcknowledgedException e) {
            log.warn("Portal submission not acknowledged by Kafka: {}", e.getMessage());
            return refusedForm(model, form, locale, response, intakeProblems.brokerUnavailable());
        }
    }

    @GetMapping("/a/{token}")
    String status(@PathVariable String token, @RequestParam(required = false) String done, Model model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        TokenBucket.Decision decision = rateLimits.lookup(request.getRemoteAddr());
        if (!decision.allowed()) {
            throw ApiException.retryLater(ProblemType.RATE_LIMITED, decision.retryAfter());
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return statusPage(model, token, access.open(token), "rated".equals(done) || "replied".equals(done) ? done : null,
                Map.of(), locale);
    }

    @PostMapping("/a/{token}/feedback")
    String rate(@PathVariable String token, @RequestParam(required = false) String solved,
            @RequestParam(required = false) String rating, @RequestParam(required = false) String comment, Model model,
            Locale locale, HttpServletRequest request, HttpServletResponse response) {
        AppealStatusView appeal = openForPost(token, request, comment);
        try {
            access.rate(token, new FeedbackRequest(rating(rating), "yes".equals(solved) ? Boolean.TRUE
                    : "no".equals(solved) ? Boolean.FALSE : null, comment));
        } catch (ApiException e) {
            response.setStatus(e.type().status().value());
            // Kept, like the reply's text, so nothing the citizen chose or typed is lost.
            model.addAttribute("rateSolved", solved);
            model.addAttribute("rateRating", rating);
            model.addAttribute("rateComment", comment);
            if (e.type() == ProblemType.APPEAL_STATE_CONFLICT) {
                // The form is gone (rated already, or the appeal moved on): the comment is given back to copy.
                model.addAttribute("kept", comment == null || comment.isBlank() ? null : comment);
                if (appeal.ratedLatestAnswer()) {
                    return statusPage(model, token, appeal, null, alreadySent("portal.refused.already-rated", appeal, locale), locale);
                }
            }
            return statusPage(model, token, appeal, null, errors(e, locale), locale);
        }
        return "redirect:" + PortalConfiguration.PATH + "/a/" + token + "?done=rated";
    }

    /**
     * A language link or a reload on the page that answered a reply or a rating (its address is the form's): back to
     * the appeal's page, in the language just chosen, rather than a 405.
     */
    @GetMapping({"/a/{token}/feedback", "/a/{token}/reply"})
    String backToStatus(@PathVariable String token) {
        return "redirect:" + PortalConfiguration.PATH + "/a/" + UriUtils.encodePathSegment(token, StandardCharsets.UTF_8);
    }

    @PostMapping("/a/{token}/reply")
    String reply(@PathVariable String token, @RequestParam(required = false) String text, Model model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        AppealStatusView appeal = openForPost(token, request, text);
        try {
            access.reply(token, new ReplyRequest(text, null));
        } catch (ApiException e) {
            response.setStatus(e.type().status().value());
            model.addAttribute("replyText", text);
            if (e.type() == ProblemType.APPEAL_STATE_CONFLICT) {
                // The form is gone (a reply went already, or the appeal moved on): the text is given back to copy.
                model.addAttribute("kept", text == null || text.isBlank() ? null : text);
                if (appeal.repliedToLatestRequest()) {
                    return statusPage(model, token, appeal, null, alreadySent("portal.refused.already-replied", appeal, locale), locale);
                }
            }
            return statusPage(model, token, appeal, null, errors(e, locale), locale);
        }
        return "redirect:" + PortalConfiguration.PATH + "/a/" + token + "?done=replied";
    }

    /**
     * Where Spring Security sends a form post without a valid CSRF token (its cookie gone: cookies off, cleared, or a
     * tab restored without them). The appeal form comes back as typed, if it was posted from the portal itself
     * ({@link FormOrigin}), with a fresh token, a new form id and the consent to be given again, and a word on what
     * happened, so nothing the citizen wrote is lost; a reply or a rating, the appeal's page with its form as filled in;
     * anything else, a page that says to open the form again.
     */
    @RequestMapping("/refused")
    String refused(@ModelAttribute("form") PortalForm form, BindingResult ignoredBinding, Model model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(403);
        Object refusedUri = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        if ((PortalConfiguration.PATH + "/appeals").equals(refusedUri) && form.getText() != null && FormOrigin.mayGiveBack(request)) {
            form.setFormId(UUID.randomUUID().toString()); // nothing was sent: a new submission
            form.setConsent(false);
            return formPage(model, form, Map.of(), messages.message("portal.expired.form", List.of(), locale), locale);
        }
        Matcher appealForm = refusedUri instanceof String uri ? APPEAL_FORM.matcher(uri) : null;
        if (appealForm != null && appealForm.matches() && FormOrigin.mayGiveBack(request)) {
            // A reply or a rating: the appeal's page again, the form as it was filled in.
            String token = appealForm.group(1);
            try {
                String typed = request.getParameter("text") != null ? request.getParameter("text") : request.getParameter("comment");
                AppealStatusView appeal = openForPost(token, request, typed);
                model.addAttribute("replyText", request.getParameter("text"));
                model.addAttribute("rateSolved", request.getParameter("solved"));
                model.addAttribute("rateRating", request.getParameter("rating"));
                model.addAttribute("rateComment", request.getParameter("comment"));
                return statusPage(model, token, appeal, null,
                        Map.of("form", messages.message("portal.expired.form", List.of(), locale)), locale);
            } catch (ApiException unknownOrTooMany) {
                // the page below, which says to open the link again, with what was written if the post came too often
                model.addAttribute("kept", request.getAttribute(PortalErrors.KEPT_TEXT));
            }
        }
        model.addAttribute("title", messages.message("portal.expired.title", List.of(), locale));
        model.addAttribute("text", messages.message("portal.expired.text", List.of(), locale));
        return "portal/message";
    }

    /** @param typed what the citizen wrote in the form, given back on the refusal's page if the post is refused here */
    private AppealStatusView openForPost(String token, HttpServletRequest request, String typed) {
        TokenBucket.Decision decision = rateLimits.post(request.getRemoteAddr());
        if (!decision.allowed()) {
            request.setAttribute(PortalErrors.KEPT_TEXT, typed == null || typed.isBlank() ? null : typed);
            throw ApiException.retryLater(ProblemType.RATE_LIMITED, decision.retryAfter());
        }
        return access.open(token);
    }

    private String statusPage(Model model, String token, AppealStatusView view, String done, Map<String, String> errors,
            Locale locale) {
        String language = locale.getLanguage();
        String category = view.category() == null ? null : CategoryNames.name(view.category(), language);
        model.addAttribute("appeal", AppealPage.of(view, category, departmentOf(view, locale), dates, locale));
        model.addAttribute("token", token);
        model.addAttribute("done", done);
        model.addAttribute("errors", errors);
        return "portal/status";
    }

    /**
     * The appeal's department as the page shows it: its name and public contacts; a department since deleted by its
     * name alone (its contacts may be gone), and one the directory has not named yet as "the department", never by
     * its code.
     */
    private AppealPage.Department departmentOf(AppealStatusView view, Locale locale) {
        if (view.department() == null) {
            return null;
        }
        String language = locale.getLanguage();
        return directory.findIncludingDeleted(view.department())
                .map(d -> d.deleted() ? new AppealPage.Department(d.code(), d.name(language), null, null, null)
                        : new AppealPage.Department(d.code(), d.name(language), d.phone(), d.email(), d.address(language)))
                .orElse(new AppealPage.Department(view.department(),
                        messages.message("portal.status.department.unnamed", List.of(), locale), null, null, null));
    }

    /**
     * "Your reply (or rating) went already", and how to add something: by the department's contacts where the page
     * shows them, else by a new appeal that names this one.
     */
    private Map<String, String> alreadySent(String key, AppealStatusView appeal, Locale locale) {
        AppealPage.Department department = departmentOf(appeal, locale);
        String howToAdd = department != null && department.hasContacts()
                ? messages.message("portal.refused.add.by-contacts", List.of(), locale)
                : messages.message("portal.refused.add.by-new-appeal", List.of(appeal.trackingCode()), locale);
        return Map.of("form", messages.message(key, List.of(), locale) + " " + howToAdd);
    }

    private String formPage(Model model, PortalForm form, Map<String, String> errors, String refusal, Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("refusal", refusal);
        model.addAttribute("types", PortalAppeals.TYPES.stream().map(Enum::name).toList());
        Language language = Language.valueOf(locale.getLanguage());
        Map<String, String> categoryNames = new LinkedHashMap<>();
        categories.all().forEach(c -> categoryNames.put(c.code(), CategoryNames.name(c.code(), language.name())));
        model.addAttribute("categories", categoryNames);
        model.addAttribute("settlements", directory.settlementChoices(language.name()));
        return "portal/form";
    }

    private String refusedForm(Model model, PortalForm form, Locale locale, HttpServletResponse response, ApiException e) {
        response.setStatus(e.type().status().value());
        if (e.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
        return formPage(model, form, Map.of(), refusal(e, locale), locale);
    }

    /** A refusal that is not about a field, in the page's language: what happened and what to do. */
    String refusal(ApiException e, Locale locale) {
        long minutes = e.retryAfter() == null ? 1 : Math.max(1, (e.retryAfter().toSeconds() + 59) / 60);
        return switch (e.type()) {
            case RATE_LIMITED -> messages.message("portal.refused.rate-limited", List.of(minutes), locale);
            case BROKER_UNAVAILABLE, EVENTS_PENDING, SERVICE_UNAVAILABLE, OVERLOADED ->
                    messages.message("portal.refused.unavailable", List.of(), locale);
            case IDEMPOTENCY_KEY_REUSED -> messages.message("portal.refused.already-sent", List.of(), locale);
            case APPEAL_STATE_CONFLICT -> messages.message("portal.refused.state", List.of(), locale);
            default -> messages.message("portal.refused.other", List.of(), locale);
        };
    }

    /** A reply's or rating's refusal: each field's first error (text, solved, rating), or one for the whole form. */
    private Map<String, String> errors(ApiException e, Locale locale) {
        if (e.type() != ProblemType.VALIDATION_FAILED) {
            return Map.of("form", refusal(e, locale));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        e.violations().forEach(violation -> errors.putIfAbsent(violation.field(), text(violation, locale)));
        return errors;
    }

    /** The appeal form's errors, each under the form field it belongs to. */
    private Map<String, String> errors(List<FieldViolation> violations, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        PortalAppeals.byFormField(violations).forEach((field, violation) -> errors.put(field, text(violation, locale)));
        return errors;
    }

    /** As the page's language says it: the portal's wording first, then the API's. */
    private String text(FieldViolation violation, Locale locale) {
        String key = "portal.error." + violation.code();
        String text = messages.message(key, violation.arguments(), locale);
        return key.equals(text) ? messages.message("validation." + violation.code(), violation.arguments(), locale) : text;
    }

    private static Integer rating(String value) {
        return value != null && value.matches("[1-5]") ? Integer.valueOf(value) : null;
    }

    private static String idempotencyKey(PortalForm form) {
        String id = form.getFormId();
        return id != null && id.matches("[A-Za-z0-9-]{8,64}") ? "portal-" + id : null;
    }
}
