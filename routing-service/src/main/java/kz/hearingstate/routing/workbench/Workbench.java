package kz.hearingstate.routing.workbench;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import kz.hearingstate.clock.LegalClock;
import kz.hearingstate.events.ActionType;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.Citizen;
import kz.hearingstate.events.ContactMasks;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.routing.directory.ConfidentialReader;
import kz.hearingstate.routing.directory.Department;
import kz.hearingstate.routing.directory.DirectoryService;
import kz.hearingstate.routing.classification.SettlementNormaliser;
import kz.hearingstate.routing.Reason;
import kz.hearingstate.routing.workflow.ActionNotAllowedException;
import kz.hearingstate.routing.workflow.AppealNotFoundException;
import kz.hearingstate.routing.workflow.AppealStateMachine;
import kz.hearingstate.routing.workflow.AppealStateMachine.Trigger;
import kz.hearingstate.routing.workflow.AppealStore;
import kz.hearingstate.routing.workflow.CitizenFeedback;
import kz.hearingstate.routing.workflow.Command;
import kz.hearingstate.routing.workflow.HistoryEntry;
import kz.hearingstate.routing.workflow.RoutedAppeal;
import kz.hearingstate.routing.workflow.WorkflowService;
import org.springframework.stereotype.Service;

/**
 * What each workbench screen shows, and who may see it. Reads come from routing's own store (the live state
 * of the workflow and the clock); every action goes through {@link WorkflowService#apply}, the same path as
 * the HTTP API and the Kafka actions topics. An appeal a user may not see is answered exactly like a missing
 * one ({@link AppealNotFoundException}).
 */
@Service
public class Workbench {

    static final Set<AppealStatus> OPEN = EnumSet.of(AppealStatus.ROUTED, AppealStatus.IN_PROGRESS, AppealStatus.INFO_REQUESTED);
    private static final int WORKLIST_LIMIT = 500;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final AppealStore store;
    private final WorkflowService workflow;
    private final DirectoryService directory;
    private final LegalClock legalClock;
    private final Clock clock;
    private final WorkbenchProperties properties;
    private final ConfidentialViewStore audit;
    private final SettlementNormaliser settlements;

    public Workbench(AppealStore store, WorkflowService workflow, DirectoryService directory, LegalClock legalClock,
            Clock clock, WorkbenchProperties properties, ConfidentialViewStore audit, SettlementNormaliser settlements) {
        this.settlements = settlements;
        this.store = store;
        this.workflow = workflow;
        this.directory = directory;
        this.legalClock = legalClock;
        this.clock = clock;
        this.properties = properties;
        this.audit = audit;
    }

    // ---- inbox

    /**
     * The filters of the inbox; blank means "any", status {@code null} means the open ones. {@code review}: only
     * the appeals of the corruption detector's review band (the officer's filter; see {@link #review}).
     */
    public record Filter(AppealStatus status, String category, String settlement, String trackingCode, boolean review) {

        /** The settlement by the directory's list: "Узынагаш" finds the appeal whose citizen wrote "Uzunagach". */
        boolean matches(RoutedAppeal appeal, SettlementNormaliser settlements) {
            return (!review || appeal.triage())
                    && (blank(category) || category.equals(appeal.category()))
                    && (blank(settlement) || settlements.same(settlement, settlementOf(appeal)));
        }
    }

    /** The department's appeals, overdue first, then by nearest deadline. */
    public List<AppealRow> inbox(StaffUser user, Filter filter) {
        requireInbox(user);
        List<RoutedAppeal> appeals;
        if (!blank(filter.trackingCode())) {
            appeals = store.ofDepartmentByTrackingCode(user.department(), filter.trackingCode().trim().toUpperCase(java.util.Locale.ROOT));
        } else {
            Set<AppealStatus> statuses = filter.status() == null ? OPEN : EnumSet.of(filter.status());
            appeals = store.worklist(user.department(), statuses, WORKLIST_LIMIT);
        }
        Instant now = clock.instant();
        return appeals.stream().filter(appeal -> filter.matches(appeal, settlements)).map(appeal -> row(appeal, now, false, review(user, appeal))).toList();
    }

    public List<Department> activeDepartments() {
        return directory.active();
    }

    /** The department's categories and settlements, for the inbox's filters. */
    public Department department(String code) {
        return directory.find(code).orElseThrow(() -> new AppealNotFoundException(code));
    }

    /** For the head: the department's figures and who handles which open appeal. */
    public record Figures(long open, long inProgress, long infoRequested, long overdue, long answered,
            Map<String, Long> handledBy) {
    }

    public Figures figures(StaffUser user) {
        requireInbox(user);
        String department = user.department();
        Instant now = clock.instant();
        Map<String, Long> handlers = new LinkedHashMap<>();
        for (RoutedAppeal appeal : store.worklist(department, OPEN, WORKLIST_LIMIT)) {
            handlers.merge(handledBy(appeal) == null ? "" : handledBy(appeal), 1L, Long::sum);
        }
        return new Figures(store.countOfDepartment(department, OPEN, null),
                store.countOfDepartment(department, EnumSet.of(AppealStatus.IN_PROGRESS), null),
                store.countOfDepartment(department, EnumSet.of(AppealStatus.INFO_REQUESTED), null),
                store.countOfDepartment(department, AppealStatus.clockRunning(), now),
                store.countOfDepartment(department, EnumSet.of(AppealStatus.ANSWERED), null), handlers);
    }

    // ---- one appeal

    /** One appeal for this user, or not found; a view of a confidential appeal is audited first. */
    public AppealPage appeal(StaffUser user, String appealId) {
        RoutedAppeal appeal = visible(user, appealId);
        if (directory.isConfidential(appeal.department())) {
            audit.viewed(appealId, user);
        }
        Instant now = clock.instant();
        Citizen citizen = appeal.submitted().citizen();
        boolean unmasked = user.is(StaffRole.HEAD, StaffRole.ANTI_CORRUPTION);
        AppealPage.Contact contact = citizen == null ? null : unmasked
                ? new AppealPage.Contact(citizen.fullName(), ContactMasks.iin(citizen.iin()), citizen.phone(), citizen.email(),
                        citizen.preferredContact() == null ? null : citizen.preferredContact().name(), false)
                : new AppealPage.Contact(ContactMasks.name(citizen.fullName()), ContactMasks.iin(citizen.iin()),
                        ContactMasks.phone(citizen.phone()), ContactMasks.email(citizen.email()),
                        citizen.preferredContact() == null ? null : citizen.preferredContact().name(), true);
        List<AppealPage.Event> history = new ArrayList<>();
        ConfidentialReader reader = reader(user);
        for (HistoryEntry entry : appeal.history()) {
            if (!reader.sees(entry.department())) {
                continue; // the appeal's time at anti-corruption, and why it went there, are that department's alone
            }
            String actor = reader.sees(departmentOf(entry.actor())) ? entry.actor() : null;
            history.add(new AppealPage.Event(entry.sequence(), format(entry.at()), entry.type(), entry.status(), entry.department(),
                    actor, entry.why(), entry.answer(), entry.forwardedTo(),
                    entry.type() == LifecycleType.FORWARDED && appeal.forwardedLate()));
        }
        Instant cap = legalClock.latestExtendedDeadline(appeal.registeredAt());
        List<Department> others = directory.active().stream().filter(d -> !d.code().equals(appeal.department())).toList();
        CitizenFeedback rated = appeal.citizenFeedback();
        // A rating of a confidential department's answer, like a reply to its question, stays with that department when
        // the appeal moves on: the citizen's words may name the official, and the rating tells there was an answer. One
        // stored before ratings named their department is shown only to a reader who sees every department it was at.
        boolean ratingSeen = rated != null && (rated.department() != null ? reader.sees(rated.department())
                : appeal.history().stream().allMatch(entry -> reader.sees(entry.department())));
        AppealPage.Feedback feedback = !ratingSeen ? null
                : new AppealPage.Feedback(rated.rating(), rated.solved(), rated.comment(), format(rated.at()));
        // Only the officer gets this far with a confidential appeal, and sees all of it (the row is not counts-only).
        List<AppealPage.Reply> replies = appeal.citizenReplies().stream()
                .filter(reply -> reader.sees(reply.department()))
                .map(reply -> new AppealPage.Reply(reply.text(), reply.attachments(), format(reply.at()))).toList();
        return new AppealPage(row(appeal, now, false, review(user, appeal)), appeal.submitted(), contact, history, replies, feedback,
                appeal.sequence(),
                actions(user, appeal), others, properties.templatesFor(appeal.department()),
                format(cap), cap.atZone(zone()).toLocalDate(), format(appeal.registeredAt()),
                UUID.randomUUID().toString());
    }

    /** The actions this user may offer on this appeal now; the workflow checks again when one is sent. */
    private Set<ActionType> actions(StaffUser user, RoutedAppeal appeal) {
        Set<ActionType> actions = EnumSet.noneOf(ActionType.class);
        for (ActionType action : permitted(user, appeal)) {
            Trigger trigger = action == ActionType.FORWARD ? Trigger.FORWARD_TO_DEPARTMENT : Trigger.valueOf(action.name());
            if (AppealStateMachine.allows(appeal.status(), trigger)) {
                actions.add(action);
            }
        }
        return actions;
    }

    /**
     * The actions this user's role allows on this appeal, whatever its status: its department's staff everything a
     * department does, the triage desk (and the admin) only ROUTE. The workflow cannot tell a triage clerk from
     * akim-office's own staff, since both act as akim-office's principal.
     */
    private static Set<ActionType> permitted(StaffUser user, RoutedAppeal appeal) {
        Set<ActionType> permitted = EnumSet.noneOf(ActionType.class);
        boolean ownDepartment = user.hasInbox() && user.department().equals(appeal.department());
        if (ownDepartment) {
            permitted.addAll(EnumSet.of(ActionType.ACCEPT, ActionType.REQUEST_INFO, ActionType.ANSWER, ActionType.FORWARD,
                    ActionType.EXTEND, ActionType.REJECT));
        }
        boolean triageDesk = (user.is(StaffRole.TRIAGE) || ownDepartment) && Department.AKIM_OFFICE.equals(appeal.department());
        if (triageDesk || user.is(StaffRole.ADMIN)) {
            permitted.add(ActionType.ROUTE);
        }
        return permitted;
    }

    /** A form's action, as the workflow's command; {@code sequence} is the state the user saw. */
    public record ActionForm(String actionId, ActionType action, Long sequence, String reason, String answer,
            String targetDepartment, String outsideBody, LocalDate newDeadline) {

        /** Whether this form was the one for {@code action}: its section opens again, refilled, when it failed. */
        public boolean isFor(String action) {
            return this.action != null && this.action.name().equals(action);
        }

        /** What was typed into {@code action}'s form, to refill it; null for the other forms. */
        public ActionForm ifFor(String action) {
            return isFor(action) ? this : null;
        }
    }

    /**
     * Applies an action through the workflow. The appeal must be visible to the user first, so an action on
     * another department's appeal is "not found" like a view of it.
     */
    public RoutedAppeal act(StaffUser user, String appealId, ActionForm form) {
        RoutedAppeal appeal = visible(user, appealId);
        if (user.is(StaffRole.AKIM_OFFICE)) {
            throw new AppealNotFoundException(appealId); // reads only
        }
        if (!permitted(user, appeal).contains(form.action())) {
            throw new ActionNotAllowedException("Your role may not " + form.action() + " this appeal.");
        }
        String actionId = blank(form.actionId()) ? UUID.randomUUID().toString() : form.actionId();
        Instant newDeadline = form.newDeadline() == null ? null
                // the day's close, or the next working day's when it is none (the workflow holds every extension to it)
                : legalClock.termEnd(form.newDeadline().atStartOfDay(zone()).toInstant());
        boolean outside = form.action() == ActionType.FORWARD && blank(form.targetDepartment());
        return workflow.apply(new Command(actionId, appealId, form.action(), user.principal(), trim(form.reason()),
                trim(form.answer()), outside ? null : trim(form.targetDepartment()), outside ? trim(form.outsideBody()) : null,
                newDeadline, form.sequence(), user.username()));
    }

    // ---- triage desk

    /** Appeals the model was unsure of, waiting at the akim's office triage desk, oldest first. */
    public List<TriageItem> triage() {
        Instant now = clock.instant();
        return store.worklist(Department.AKIM_OFFICE, EnumSet.of(AppealStatus.ROUTED), WORKLIST_LIMIT).stream()
                .filter(RoutedAppeal::triage)
                .map(appeal -> new TriageItem(row(appeal, now, false, null), appeal.submitted().text(), appeal.sequence(),
                        suggestions(appeal)))
                .toList();
    }

    public record TriageItem(AppealRow row, String text, long sequence, List<Suggestion> suggestions) {
    }

    /** A department the model suggested, with its probability. */
    public record Suggestion(String department, double probability) {

        public long percent() {
            return Math.round(probability * 100);
        }
    }

    /**
     * An appeal that reached anti-corruption through the corruption detector's review band: a score below the
     * detector's threshold but too high to send the appeal to the department the model picked, which may be the
     * accused's own. The officer decides: keep it as a report, or forward it to one of the suggested departments.
     *
     * @param score       the detector's score, 0 to 1
     * @param suggestions the department model's likeliest departments, for forwarding
     * @param sequence    the appeal's state as shown, which a forward from the list sends back (a stale list is refused)
     */
    public record Review(double score, List<Suggestion> suggestions, long sequence, String cause) {
    }

    /**
     * The review's mark, for the officer alone: nobody else may learn that an appeal was a suspected report, nor its
     * score. An appeal comes to a confidential department as a triage from the detector's review band, by the
     * citizen's topic, or by their words since routing (the desk's triage goes to akim-office; a rule or a score above
     * the threshold is a finding, not a triage), and forwarding or routing it clears the flag.
     */
    private Review review(StaffUser user, RoutedAppeal appeal) {
        if (!user.is(StaffRole.ANTI_CORRUPTION) || !appeal.triage() || !directory.isConfidential(appeal.department())) {
            return null;
        }
        // Only departments a forward may reach now: one deleted since the model suggested it is left out.
        List<Suggestion> active = suggestions(appeal).stream().filter(s -> directory.isActive(s.department())).toList();
        return new Review(appeal.confidence(), active, appeal.sequence(), reviewCause(appeal));
    }

    /**
     * Why the appeal came to the officer as a triage, by the reason of the event that brought it to its department:
     * {@code topic} (the citizen chose this department's topic), {@code words} (the citizen's reply or comment may
     * report corruption), or {@code detector} (the review band, whose score the page shows).
     */
    private static String reviewCause(RoutedAppeal appeal) {
        // The first entry of its stay there: a later one (a reopening on "not solved") is no reason it came.
        List<HistoryEntry> history = appeal.history();
        int arrival = history.size();
        while (arrival > 0 && appeal.department().equals(history.get(arrival - 1).department())) {
            arrival--;
        }
        String code = arrival < history.size() ? history.get(arrival).reasonCode() : null;
        if (Reason.Code.CONFIDENTIAL_TOPIC.name().equals(code)) {
            return "topic";
        }
        return Reason.Code.CITIZENS_WORDS.name().equals(code) ? "words" : "detector";
    }

    /**
     * The model's three likeliest departments with their probabilities, as stored when it routed the appeal;
     * for appeals routed before those were kept, its one choice.
     */
    private static List<Suggestion> suggestions(RoutedAppeal appeal) {
        if (!appeal.topDepartments().isEmpty()) {
            return appeal.topDepartments().stream()
                    .filter(candidate -> !Department.AKIM_OFFICE.equals(candidate.department())
                            && !candidate.department().equals(appeal.department()))
                    .map(candidate -> new Suggestion(candidate.department(), candidate.probability()))
                    .toList();
        }
        if (appeal.classifiedAs() == null || Department.AKIM_OFFICE.equals(appeal.classifiedAs())) {
            return List.of();
        }
        return List.of(new Suggestion(appeal.classifiedAs(), appeal.confidence()));
    }

    // ---- akim's office

    /** Per department: open, overdue, and the at-risk and overdue appeals across departments. */
    public record Office(List<DepartmentFigures> departments, List<AppealRow> atRisk) {
    }

    /** Overdue appeals are the escalated ones: the clock escalates each to the akim's office at its deadline. */
    public record DepartmentFigures(String code, boolean confidential, long open, long overdue) {
    }

    public Office office() {
        Instant now = clock.instant();
        List<DepartmentFigures> figures = new ArrayList<>();
        for (Department department : directory.active()) {
            figures.add(new DepartmentFigures(department.code(), department.confidential(),
                    store.countOfDepartment(department.code(), OPEN, null), store.countOfDepartment(department.code(), AppealStatus.clockRunning(), now)));
        }
        Set<String> confidential = directory.confidentialCodes(); // deleted ones' appeals too
        List<AppealRow> atRisk = store.atRisk(0, 200).stream()
                .map(appeal -> row(appeal, now, confidential.contains(appeal.department()), null))
                .toList();
        return new Office(figures, atRisk);
    }

    // ---- rules

    /**
     * The appeal if this user may see it: department staff their department's, the officer the confidential
     * ones (and nobody else those), the triage desk its own queue, the akim's office and the admin any other.
     */
    private RoutedAppeal visible(StaffUser user, String appealId) {
        RoutedAppeal appeal = store.find(appealId).orElseThrow(() -> new AppealNotFoundException(appealId));
        String department = appeal.department();
        boolean allowed;
        if (directory.isConfidential(department)) {
            allowed = reader(user).sees(department);
        } else if (user.hasInbox()) {
            allowed = user.department().equals(department);
        } else if (user.is(StaffRole.TRIAGE)) {
            allowed = Department.AKIM_OFFICE.equals(department);
        } else {
            allowed = user.is(StaffRole.AKIM_OFFICE, StaffRole.ADMIN);
        }
        if (!allowed) {
            throw new AppealNotFoundException(appealId);
        }
        return appeal;
    }

    /**
     * In the workbench the anti-corruption officer speaks for the confidential departments, and nobody else does: an
     * account of another role whose department is (or became) confidential sees none of its appeals.
     */
    private ConfidentialReader reader(StaffUser user) {
        return directory.reader(department -> user.is(StaffRole.ANTI_CORRUPTION));
    }

    /** A user with an inbox of a department whose part the user may see. */
    private void requireInbox(StaffUser user) {
        if (!user.hasInbox() || !reader(user).sees(user.department())) {
            throw new AppealNotFoundException("inbox");
        }
    }

    /**
     * A row of a list; a confidential appeal shows only its deadline and state (the akim's office view).
     * {@code review}: the review band's mark, null unless the user is the officer (see {@link #review}).
     */
    private AppealRow row(RoutedAppeal appeal, Instant now, boolean countsOnly, Review review) {
        AppealStatus status = appeal.status();
        Urgency urgency;
        int daysLeft = legalClock.workingDaysLeft(now, appeal.deadline());
        int overdueBy = 0;
        if (status.isClosed()) {
            urgency = Urgency.CLOSED;
        } else if (status.isPaused()) {
            // The clock stands still while the citizen is asked for information (the deadline moves on when they
            // answer), so a paused appeal is never overdue, whatever its stored deadline says.
            urgency = Urgency.PAUSED;
        } else if (!now.isBefore(appeal.deadline())) {
            urgency = Urgency.OVERDUE;
            overdueBy = Math.max(1, legalClock.workingDaysBetween(appeal.deadline(), now));
        } else if (appeal.warningAt() != null && !now.isBefore(appeal.warningAt())) {
            // Due soon from the instant the clock's warning fires (hearing.routing.deadlines.warning-working-days-left).
            urgency = Urgency.DUE_SOON;
        } else {
            urgency = Urgency.ON_TIME;
        }
        if (countsOnly) {
            return new AppealRow(null, null, status, null, null, null, format(appeal.deadline()), urgency,
                    daysLeft, overdueBy, null, appeal.department(), true, null);
        }
        String text = appeal.submitted().subject() == null || appeal.submitted().subject().isBlank()
                ? appeal.submitted().text() : appeal.submitted().subject();
        return new AppealRow(appeal.appealId(), appeal.submitted().trackingCode(), status, appeal.category(),
                settlementOf(appeal), excerpt(text), format(appeal.deadline()), urgency, daysLeft, overdueBy,
                handledBy(appeal), appeal.department(), false, review);
    }

    /**
     * Who last accepted the appeal in its current department, as recorded: a staff login ({@code department/login}) or
     * the department's code when its own system accepted (pages word each: the {@code handler} fragment).
     */
    private static String handledBy(RoutedAppeal appeal) {
        String handler = null;
        for (HistoryEntry entry : appeal.history()) {
            if (entry.type() == LifecycleType.ROUTED || entry.type() == LifecycleType.REOPENED) {
                handler = null;
            } else if (entry.type() == LifecycleType.ACCEPTED && entry.actor() != null
                    && Objects.equals(entry.department(), appeal.department())) { // never another department's login
                handler = entry.actor();
            }
        }
        return handler;
    }

    /**
     * The department of an actor: {@code <department>/<login>} from the workbench, the department's code itself from its
     * HTTP key or Kafka topic; "system", "citizen" and "admin" are no department's.
     */
    private static String departmentOf(String actor) {
        int slash = actor == null ? -1 : actor.indexOf('/');
        return slash < 0 ? actor : actor.substring(0, slash);
    }

    private static String settlementOf(RoutedAppeal appeal) {
        return appeal.submitted().location() == null ? null : appeal.submitted().location().settlement();
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    /** A moment as staff read it: the legal clock's zone (Asia/Almaty), to the minute. */
    public String format(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone()));
    }

    /** Now, as staff read it ({@link #format}). */
    public String formattedNow() {
        return format(clock.instant());
    }

    private ZoneId zone() {
        return legalClock.zone();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trim(String value) {
        return blank(value) ? null : value.trim();
    }
}
