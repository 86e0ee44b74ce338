package kz.hearingstate.routing.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import kz.hearingstate.clock.LegalClock;
import kz.hearingstate.events.ActionType;
import kz.hearingstate.events.AppealAssigned;
import kz.hearingstate.events.AppealFeedback;
import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.CitizenReplied;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import kz.hearingstate.routing.Reason;
import kz.hearingstate.routing.RoutingProperties;
import kz.hearingstate.routing.classification.RoutingDecision;
import kz.hearingstate.routing.directory.Department;
import kz.hearingstate.routing.workflow.AppealStateMachine.Trigger;
import kz.hearingstate.web.problem.FieldViolation;
import kz.hearingstate.web.security.ApiPrincipal;

/**
 * The department workflow and the legal clock, as plain rules over a {@link RoutedAppeal}: each method
 * checks the move, changes the appeal and appends the events it causes to the appeal's outbox, with
 * the sequence numbers that make their ids deterministic. Saving and publishing are the caller's job.
 */
public final class AppealWorkflow {

    public static final String SYSTEM = "system";
    public static final String CITIZEN = "citizen";

    private final LegalClock legalClock;
    private final RoutingProperties.Deadlines deadlines;
    private final Predicate<String> activeDepartment;
    private final UnaryOperator<String> settlementCode;
    private final Predicate<String> confidentialDepartment;

    /** For tests: settlements not normalised, and anti-corruption confidential, as the seeded directory has it. */
    public AppealWorkflow(LegalClock legalClock, RoutingProperties.Deadlines deadlines, Predicate<String> activeDepartment) {
        this(legalClock, deadlines, activeDepartment, freeText -> null, Department.ANTI_CORRUPTION::equals);
    }

    /**
     * @param settlementCode         the canonical code of an appeal's free-text settlement (see SettlementNormaliser)
     * @param confidentialDepartment whether a department's appeals are confidential (the directory's flag, deleted
     *                               departments included)
     */
    public AppealWorkflow(LegalClock legalClock, RoutingProperties.Deadlines deadlines, Predicate<String> activeDepartment,
            UnaryOperator<String> settlementCode, Predicate<String> confidentialDepartment) {
        this.legalClock = legalClock;
        this.deadlines = deadlines;
        this.activeDepartment = activeDepartment;
        this.settlementCode = settlementCode;
        this.confidentialDepartment = confidentialDepartment;
    }

    /**
     * The appeal as routing keeps it: the citizen's access secret is intake's and notification's alone, so it is
     * never stored here, where department views and the outbox are built from the stored copy.
     */
    static AppealSubmitted withoutAccessSecret(AppealSubmitted s) {
        return new AppealSubmitted(s.appealId(), s.trackingCode(), s.channel(), s.externalId(), s.type(), s.subject(),
                s.text(), s.language(), s.languageDetected(), s.categoryHint(), s.anonymous(), s.citizen(), s.location(),
                s.attachments(), s.receivedAt(), s.registeredAt(), s.deadline());
    }

    /** A new appeal, routed (or rejected as not considered) with its first events. */
    public RoutedAppeal route(AppealSubmitted submitted, RoutingDecision decision, Instant now) {
        RoutedAppeal appeal = new RoutedAppeal();
        appeal.appealId = submitted.appealId();
        appeal.submitted = withoutAccessSecret(submitted);
        appeal.settlement = submitted.location() == null ? null : settlementCode.apply(submitted.location().settlement());
        appeal.registeredAt = submitted.registeredAt();
        appeal.routedAt = now;
        appeal.classifiedAs = decision.classifiedAs();
        appeal.category = decision.category();
        appeal.confidence = decision.confidence();
        appeal.topDepartments = new ArrayList<>(decision.topDepartments());
        appeal.routingReason = decision.reason().text();
        appeal.slaState = SlaState.ON_TIME;
        appeal.appliedInputs.add(submitted.appealId());
        if (decision.rejected()) {
            appeal.status = AppealStatus.REJECTED;
            appeal.deadline = legalClock.deadline(appeal.registeredAt, deadlines.workingDaysFor(submitted.type()));
            addLifecycle(appeal, LifecycleType.REJECTED, SYSTEM, decision.reason(), now);
        } else {
            appeal.status = AppealStatus.ROUTED;
            appeal.department = decision.department();
            appeal.triage = decision.triage();
            appeal.deadline = legalClock.deadline(appeal.registeredAt, deadlines.workingDaysFor(submitted.type()));
            addLifecycle(appeal, LifecycleType.ROUTED, SYSTEM, decision.reason(), now);
            addAssignment(appeal, now);
        }
        reschedule(appeal, now);
        appeal.updatedAt = now;
        return appeal;
    }

    /**
     * Applies a department's (or the admin's) action.
     *
     * @throws AppealNotFoundException                         the appeal is not the caller's (read as missing)
     * @throws ActionNotAllowedException                        the caller may not do this to it
     * @throws AppealStateMachine.InvalidTransitionException   the appeal's status does not allow it
     * @throws InvalidCommandException                          the action lacks what it needs
     * @throws StaleAppealException                             the actor saw an older state of the appeal
     */
    public void apply(RoutedAppeal appeal, Command command, Instant now) {
        authorise(appeal, command);
        if (command.expectedSequence() != null && command.expectedSequence() != appeal.sequence) {
            throw new StaleAppealException(appeal.appealId, command.expectedSequence(), appeal.sequence);
        }
        Trigger trigger = trigger(command);
        AppealStatus next = AppealStateMachine.next(appeal.status, trigger);
        validate(appeal, command, trigger, now);
        if (appeal.status.isPaused() && appeal.pausedAt != null && !next.isPaused()) {
            // Out of a request for information by a step of the akimat's (an answer, a rejection, a routing by the
            // triage desk): the clock stood still meanwhile, so the deadline moves on by the working time it stood, as
            // on the citizen's reply, and the event carries the deadline as the law has it.
            appeal.deadline = legalClock.shift(appeal.deadline, legalClock.pausedWorkingDays(appeal.pausedAt, now));
            appeal.pausedAt = null;
        } else if (!next.isPaused()) {
            // A pause left on an appeal no longer waiting (an answer given while waiting, by a version before that
            // ended the pause, then a reopening): it moves nothing, and is cleared so that nothing later reads it.
            appeal.pausedAt = null;
        }
        String actor = command.actor();
        String department = appeal.department;
        switch (trigger) {
            case ACCEPT -> {
                appeal.status = next;
                addLifecycle(appeal, LifecycleType.ACCEPTED, actor, Reason.given(command.reason()), now);
            }
            case REQUEST_INFO -> {
                appeal.status = next;
                appeal.pausedAt = now;
                addLifecycle(appeal, LifecycleType.INFO_REQUESTED, actor, Reason.given(command.reason()), now);
            }
            case ANSWER -> {
                appeal.status = next;
                addLifecycle(appeal, LifecycleType.ANSWERED, actor, Reason.given(command.reason()), now, command.answer(), null);
            }
            case FORWARD_TO_DEPARTMENT, ROUTE -> {
                appeal.status = next;
                moveTo(appeal, command.targetDepartment());
                appeal.confidence = 1.0; // a person decided
                appeal.triage = false;
                // The event's actor names who forwarded; a default reason naming the department would tell the
                // receiving one that the appeal was at a confidential department.
                Reason reason = command.reason() == null
                        ? (trigger == Trigger.ROUTE ? Reason.routedByHand() : Reason.forwarded()) : Reason.given(command.reason());
                // Why it is where it is now: the classifier's reason (out of a confidential department, the corruption
                // detector's score) is no business of the department that receives it.
                appeal.routingReason = reason.text();
                addLifecycle(appeal, LifecycleType.ROUTED, actor, reason, now);
                addAssignment(appeal, now);
            }
            case FORWARD_OUTSIDE -> {
                appeal.status = next;
                appeal.forwardedTo = command.outsideBody();
                int used = legalClock.workingDaysBetween(appeal.registeredAt, now);
                appeal.forwardedLate = used > deadlines.outsideForwardingWorkingDays();
                // The reason is the department's word to the citizen, shown on their page as written; the lateness
                // is the akimat's own record (forwardedLate, in the workbench), not part of it.
                addLifecycle(appeal, LifecycleType.FORWARDED, actor, Reason.given(command.reason()), now, null, command.outsideBody());
            }
            case EXTEND -> {
                appeal.deadline = legalClock.termEnd(command.newDeadline());
                if (appeal.slaState == SlaState.WARNED
                        && legalClock.warningAt(appeal.deadline, deadlines.warningWorkingDaysLeft()).isAfter(now)) {
                    appeal.slaState = SlaState.ON_TIME; // a fresh warning before the new deadline
                }
                addLifecycle(appeal, LifecycleType.EXTENDED, actor, Reason.given(command.reason()), now);
            }
            case REJECT -> {
                appeal.status = next;
                addLifecycle(appeal, LifecycleType.REJECTED, actor, Reason.given(command.reason()), now);
            }
            default -> throw new IllegalStateException("Not a department action: " + trigger);
        }
        appeal.appliedInputs.add(command.inputId());
        reschedule(appeal, now);
        appeal.updatedAt = now;
    }

    /**
     * The citizen answered a request for information: the reply is kept for the department, and the paused clock
     * restarts, moved on by the working time it was paused (rounded up to whole working days, see
     * {@link LegalClock#pausedWorkingDays}).
     */
    public void citizenReplied(RoutedAppeal appeal, CitizenReplied reply, Instant now) {
        citizenReplied(appeal, reply, null, now);
    }

    /**
     * The citizen's reply, as {@link #citizenReplied(RoutedAppeal, CitizenReplied, Instant)}; when {@code reportTo} is
     * set, the reply may report corruption, and the appeal moves there ({@link #movedByCitizensWords}) before the reply
     * goes to any inbox.
     */
    public void citizenReplied(RoutedAppeal appeal, CitizenReplied reply, String reportTo, Instant now) {
        appeal.status = AppealStateMachine.next(appeal.status, Trigger.CITIZEN_REPLIED);
        int paused = appeal.pausedAt == null ? 0 : legalClock.pausedWorkingDays(appeal.pausedAt, arrival(reply.occurredAt(), now));
        if (paused > 0) {
            appeal.deadline = legalClock.shift(appeal.deadline, paused);
        }
        appeal.pausedAt = null;
        keep(appeal, reply, appeal.department, now);
        addLifecycle(appeal, LifecycleType.INFO_PROVIDED, CITIZEN, Reason.citizenReplied(paused), now);
        if (reportTo != null) {
            movedByCitizensWords(appeal, reportTo, now); // drops the reply from the inbox it would have reached
            sendToInbox(appeal, reply, now); // and puts it on the officer's, beside the assignment
        }
        reschedule(appeal, now);
        appeal.updatedAt = now;
    }

    /**
     * A reply that came once the appeal no longer waited for one (it was forwarded or routed meanwhile): kept, under the
     * department that asked, so that a reply to a confidential department's question stays that department's; it
     * changes neither status nor clock.
     */
    public void lateReply(RoutedAppeal appeal, CitizenReplied reply, Instant now) {
        lateReply(appeal, reply, null, now);
    }

    /**
     * A late reply, as {@link #lateReply(RoutedAppeal, CitizenReplied, Instant)}; when {@code reportTo} is set, the reply
     * may report corruption, and the appeal moves there, open or closed ({@link #movedByCitizensWords}), before the
     * reply goes to any inbox.
     */
    public void lateReply(RoutedAppeal appeal, CitizenReplied reply, String reportTo, Instant now) {
        String asked = appeal.history().stream().filter(entry -> entry.type() == LifecycleType.INFO_REQUESTED)
                .reduce((first, second) -> second).map(HistoryEntry::department).orElse(appeal.department);
        if (reportTo != null) {
            movedByCitizensWords(appeal, reportTo, arrival(reply.occurredAt(), now), now);
            reschedule(appeal, now);
        }
        keep(appeal, reply, asked, now); // on the inbox of the department that asked, if it holds the appeal now
        if (reportTo != null && !reportTo.equals(asked)) {
            sendToInbox(appeal, reply, now); // else on the officer's, beside the assignment
        }
        appeal.updatedAt = now;
    }

    /**
     * Keeps the reply for the department that asked, and, while that department holds the appeal, sends it to its
     * inbox, where a department working over Kafka reads it beside the appeal's assignment (one that works in the
     * workbench or over HTTP reads it on the appeal). Never to a department the appeal has left: the citizen's words,
     * which may name an official, are no longer its to read (the appeal may have gone to anti-corruption since).
     */
    private void keep(RoutedAppeal appeal, CitizenReplied reply, String askedBy, Instant now) {
        appeal.appliedInputs.add(reply.replyId());
        if (appeal.citizenReplies == null) {
            appeal.citizenReplies = new ArrayList<>();
        }
        appeal.citizenReplies.add(new CitizenReply(reply.replyId(), askedBy, reply.text(), reply.attachments(), now));
        if (askedBy != null && askedBy.equals(appeal.department)) {
            sendToInbox(appeal, reply, now);
        }
    }

    /** The reply, as received, on the inbox of the department holding the appeal, if it has one still. */
    private void sendToInbox(RoutedAppeal appeal, CitizenReplied reply, Instant now) {
        if (activeDepartment.test(appeal.department)) {
            appeal.outbox.add(PendingEvent.reply(appeal.appealId + ":reply:" + reply.replyId(), appeal.department, reply));
            markPending(appeal, now);
        }
    }

    /** Keeps the citizen's rating (and comment) for the department; it changes neither status nor clock. */
    public void rated(RoutedAppeal appeal, AppealFeedback feedback, Instant now) {
        rated(appeal, feedback, null, now);
    }

    /**
     * The rating, as {@link #rated(RoutedAppeal, AppealFeedback, Instant)}; when {@code reportTo} is set, its comment may
     * report corruption, and the answered appeal reopens there ({@link #movedByCitizensWords}), not left with the
     * department that answered, which would read the comment.
     */
    public void rated(RoutedAppeal appeal, AppealFeedback feedback, String reportTo, Instant now) {
        appeal.appliedInputs.add(feedback.feedbackId());
        appeal.citizenFeedback = new CitizenFeedback(feedback.feedbackId(), appeal.department,
                feedback.rating(), feedback.solved(), feedback.comment(), feedback.occurredAt());
        if (reportTo != null) {
            movedByCitizensWords(appeal, reportTo, arrival(feedback.occurredAt(), now), now);
            reschedule(appeal, now);
        }
        appeal.updatedAt = now;
    }

    /** The citizen says the answer did not solve the problem: a repeat appeal to the same department, with a new term. */
    public void notSolved(RoutedAppeal appeal, AppealFeedback feedback, Instant now) {
        notSolved(appeal, feedback, null, now);
    }

    /**
     * "Not solved", as {@link #notSolved(RoutedAppeal, AppealFeedback, Instant)}; when {@code reportTo} is set, the
     * comment may report corruption, and the repeat appeal opens there ({@link #movedByCitizensWords}), not back at the
     * department that answered, which hears nothing of it.
     */
    public void notSolved(RoutedAppeal appeal, AppealFeedback feedback, String reportTo, Instant now) {
        if (reportTo != null) {
            rated(appeal, feedback, reportTo, now);
            return;
        }
        appeal.status = AppealStateMachine.next(appeal.status, Trigger.NOT_SOLVED);
        appeal.pausedAt = null; // a pause left by an answer given while waiting for the citizen (before that was cleared)
        appeal.registeredAt = legalClock.registeredAt(arrival(feedback.occurredAt(), now));
        appeal.deadline = legalClock.deadline(appeal.registeredAt, deadlines.workingDaysFor(appeal.submitted.type()));
        appeal.slaState = SlaState.ON_TIME;
        rated(appeal, feedback, now);
        // The citizen's comment stays on the appeal (citizenFeedback) for its department; appeals.lifecycle, which every
        // service reads and keeps, gets no words of the citizen.
        addLifecycle(appeal, LifecycleType.REOPENED, CITIZEN,
                Reason.notSolved(feedback.rating()), now);
        addAssignment(appeal, now);
        reschedule(appeal, now);
        appeal.updatedAt = now;
    }

    /**
     * The citizen's own words since the appeal was routed (a reply to a question, a rating's comment) may report
     * corruption, and the appeal is with an ordinary department, perhaps the accused's: before those words go to any
     * inbox, the appeal moves to the confidential department {@code reportTo} as a confidential triage, as an appeal
     * of the corruption detector's review band does, and only its officer reads them (they stay filed under the
     * department they were written to, so that an appeal the officer finds no report and forwards back arrives with
     * them). An open appeal keeps its term, as on a forward; a closed one (answered, or closed while a reply was on
     * its way) reopens there with a new term from when the words came, as on "not solved". Every event of the move
     * names the new department alone, so the department the appeal left is told nothing of it.
     */
    private void movedByCitizensWords(RoutedAppeal appeal, String reportTo, Instant wordsCame, Instant now) {
        boolean closed = appeal.status.isClosed();
        appeal.status = AppealStateMachine.next(appeal.status, Trigger.CITIZENS_WORDS);
        if (closed) {
            appeal.pausedAt = null;
            appeal.registeredAt = legalClock.registeredAt(wordsCame);
            appeal.deadline = legalClock.deadline(appeal.registeredAt, deadlines.workingDaysFor(appeal.submitted.type()));
            appeal.slaState = SlaState.ON_TIME;
            appeal.forwardedTo = null; // reopened in the akimat: no outside body holds it now
            appeal.forwardedLate = false;
        }
        moveTo(appeal, reportTo);
        appeal.triage = true;
        Reason reason = Reason.citizensWordsMayReportCorruption();
        appeal.routingReason = reason.text();
        addLifecycle(appeal, closed ? LifecycleType.REOPENED : LifecycleType.ROUTED, SYSTEM, reason, now);
        addAssignment(appeal, now);
    }

    private void movedByCitizensWords(RoutedAppeal appeal, String reportTo, Instant now) {
        movedByCitizensWords(appeal, reportTo, now, now);
    }

    /**
     * Moves the appeal to {@code department}. Into a confidential one, what the outbox still holds for another
     * department's inbox (an assignment or a reply Kafka has not taken yet) is dropped: sent after the move, it would
     * give the department the appeal left words it may no longer read, a report perhaps about that very department.
     */
    private void moveTo(RoutedAppeal appeal, String department) {
        appeal.previousDepartment = appeal.department;
        appeal.department = department;
        if (confidentialDepartment.test(department)) {
            String ownInbox = Topics.departmentInbox(department);
            appeal.outbox.removeIf(event -> event.lifecycle() == null && !event.topic().equals(ownInbox));
        }
    }

    /**
     * When the citizen's reply or feedback reached the akimat: intake's receipt time, which the event carries (only
     * intake writes those topics), not when routing got to it after a lag or a restart; never later than now.
     */
    private static Instant arrival(Instant occurredAt, Instant now) {
        return occurredAt == null || occurredAt.isAfter(now) ? now : occurredAt;
    }

    /**
     * Fires the legal clock's due step, if any: the warning when few working days are left, then the
     * breach and the escalation to akim-office at the deadline.
     *
     * @return the kinds published ({@code SLA_WARNING}, {@code SLA_BREACHED}), empty when nothing was due
     */
    public List<LifecycleType> fireTimers(RoutedAppeal appeal, Instant now) {
        List<LifecycleType> fired = new ArrayList<>();
        if (appeal.nextTimerAt == null || appeal.nextTimerAt.isAfter(now)) {
            return fired;
        }
        if (!appeal.status.clockRuns()) {
            appeal.nextTimerAt = null;
            return fired;
        }
        if (appeal.slaState == SlaState.ON_TIME) {
            appeal.slaState = SlaState.WARNED;
            if (now.isBefore(appeal.deadline)) {
                addLifecycle(appeal, LifecycleType.SLA_WARNING, SYSTEM,
                        Reason.daysLeft(legalClock.workingDaysLeft(now, appeal.deadline)), now);
                fired.add(LifecycleType.SLA_WARNING);
            }
        }
        if (appeal.slaState == SlaState.WARNED && !now.isBefore(appeal.deadline)) {
            appeal.slaState = SlaState.BREACHED;
            addLifecycle(appeal, LifecycleType.SLA_BREACHED, SYSTEM, Reason.deadlinePassed(), now);
            addLifecycle(appeal, LifecycleType.ESCALATED, SYSTEM, Reason.escalated(Department.AKIM_OFFICE), now);
            fired.add(LifecycleType.SLA_BREACHED);
        }
        reschedule(appeal, now);
        appeal.updatedAt = now;
        return fired;
    }

    private void authorise(RoutedAppeal appeal, Command command) {
        ApiPrincipal caller = command.caller();
        // Another department's appeal reads exactly like a missing one: "not yours" is "not found".
        if (!caller.isAdmin() && (appeal.department == null || !caller.isDepartment(appeal.department))) {
            throw new AppealNotFoundException(appeal.appealId);
        }
        // Nor the admin's, at a confidential department: a report leaves it only by its officer's FORWARD, never to
        // a department the admin picks, which may be the accused's (the workbench refuses the same).
        if (caller.isAdmin() && confidentialDepartment.test(appeal.department)) {
            throw new AppealNotFoundException(appeal.appealId);
        }
        if (command.action() == ActionType.ROUTE) {
            boolean triageDesk = caller.isDepartment(Department.AKIM_OFFICE) && Department.AKIM_OFFICE.equals(appeal.department);
            if (!caller.isAdmin() && !triageDesk) {
                throw new ActionNotAllowedException("Only the triage desk (akim-office, on appeals assigned to it) or the admin may ROUTE.");
            }
            return;
        }
        if (caller.isAdmin()) {
            throw new ActionNotAllowedException("The admin may only reassign (ROUTE); the assigned department acts on the appeal.");
        }
    }

    private static Trigger trigger(Command command) {
        return switch (command.action()) {
            case ACCEPT -> Trigger.ACCEPT;
            case REQUEST_INFO -> Trigger.REQUEST_INFO;
            case ANSWER -> Trigger.ANSWER;
            case FORWARD -> present(command.outsideBody()) && !present(command.targetDepartment())
                    ? Trigger.FORWARD_OUTSIDE : Trigger.FORWARD_TO_DEPARTMENT;
            case EXTEND -> Trigger.EXTEND;
            case REJECT -> Trigger.REJECT;
            case ROUTE -> Trigger.ROUTE;
        };
    }

    private void validate(RoutedAppeal appeal, Command command, Trigger trigger, Instant now) {
        List<FieldViolation> errors = new ArrayList<>();
        switch (trigger) {
            case REQUEST_INFO, EXTEND, FORWARD_OUTSIDE, REJECT -> requireText(errors, "reason", command.reason());
            case ANSWER -> requireText(errors, "answer", command.answer());
            default -> {
            }
        }
        if (trigger == Trigger.FORWARD_TO_DEPARTMENT || trigger == Trigger.ROUTE) {
            String target = command.targetDepartment();
            if (command.action() == ActionType.FORWARD && present(target) && present(command.outsideBody())) {
                errors.add(FieldViolation.of("outsideBody", "target-or-outside-not-both"));
            } else if (!present(target)) {
                errors.add(FieldViolation.of("targetDepartment", command.action() == ActionType.FORWARD
                        ? "target-or-outside-required" : "required"));
            } else if (!activeDepartment.test(target)) {
                errors.add(FieldViolation.of("targetDepartment", "unknown-department", target));
            } else if (target.equals(appeal.department)) {
                errors.add(FieldViolation.of("targetDepartment", "already-assigned", target));
            }
        }
        if (trigger == Trigger.EXTEND) {
            Instant latest = legalClock.latestExtendedDeadline(appeal.registeredAt);
            if (command.newDeadline() == null) {
                errors.add(FieldViolation.of("newDeadline", "required"));
            } else if (!now.isBefore(appeal.deadline)) {
                errors.add(FieldViolation.of("newDeadline", "deadline-passed", appeal.deadline));
            } else if (command.newDeadline().isAfter(latest.plus(Duration.ofDays(1)))) {
                // Past the cap's day whatever its close. Compared as given, as below: no year ±10^9 reaches the calendar.
                errors.add(FieldViolation.of("newDeadline", "deadline-too-late", latest));
            } else if (!command.newDeadline().isAfter(appeal.deadline)) {
                errors.add(FieldViolation.of("newDeadline", "deadline-not-later", appeal.deadline));
            } else {
                Instant ends = legalClock.termEnd(command.newDeadline());
                if (!ends.isAfter(appeal.deadline)) {
                    errors.add(FieldViolation.of("newDeadline", "deadline-not-later", appeal.deadline));
                } else if (ends.isAfter(latest)) {
                    errors.add(FieldViolation.of("newDeadline", "deadline-too-late", latest));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
    }

    private static void requireText(List<FieldViolation> errors, String field, String value) {
        if (!present(value)) {
            errors.add(FieldViolation.of(field, "required-for-action"));
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Where the legal clock next needs attention: the warning, then the deadline; nothing while paused or closed. */
    private void reschedule(RoutedAppeal appeal, Instant now) {
        if (!appeal.status.clockRuns()) {
            appeal.nextTimerAt = null;
            return;
        }
        appeal.warningAt = legalClock.warningAt(appeal.deadline, deadlines.warningWorkingDaysLeft());
        appeal.nextTimerAt = switch (appeal.slaState) {
            case ON_TIME -> appeal.warningAt;
            case WARNED -> appeal.deadline;
            case BREACHED -> null;
        };
    }

    private void addLifecycle(RoutedAppeal appeal, LifecycleType type, String actor, Reason reason, Instant now) {
        addLifecycle(appeal, type, actor, reason, now, null, null);
    }

    private void addLifecycle(RoutedAppeal appeal, LifecycleType type, String actor, Reason reason, Instant now,
            String answer, String forwardedTo) {
        appeal.sequence++;
        boolean routed = type == LifecycleType.ROUTED;
        AppealLifecycleEvent event = new AppealLifecycleEvent(appeal.appealId, appeal.submitted.trackingCode(),
                appeal.sequence, type, appeal.status, appeal.department, routed ? appeal.previousDepartment : null,
                appeal.category, routed ? Double.valueOf(appeal.confidence) : null, actor, reason.text(), answer, forwardedTo,
                appeal.deadline, appeal.settlement, now);
        appeal.outbox.add(PendingEvent.lifecycle(appeal.appealId + ":" + appeal.sequence, event));
        appeal.history.add(new HistoryEntry(appeal.sequence, type, appeal.status, appeal.department, actor, reason, answer,
                forwardedTo, now));
        markPending(appeal, now);
    }

    /** The department's inbox message, named after the lifecycle event that caused it. */
    private void addAssignment(RoutedAppeal appeal, Instant now) {
        AppealSubmitted s = appeal.submitted;
        AppealAssigned assigned = new AppealAssigned(s.appealId(), s.trackingCode(), appeal.department, appeal.category,
                appeal.confidence, s.channel(), s.type(), s.subject(), s.text(), s.language(), s.anonymous(),
                s.citizen(), s.location(), s.attachments(), appeal.registeredAt, appeal.deadline, now);
        appeal.outbox.add(PendingEvent.assigned(appeal.appealId + ":" + appeal.sequence + ":assigned", assigned));
        markPending(appeal, now);
    }

    private static void markPending(RoutedAppeal appeal, Instant now) {
        if (appeal.outboxSince == null) {
            appeal.outboxSince = now;
        }
    }
}
