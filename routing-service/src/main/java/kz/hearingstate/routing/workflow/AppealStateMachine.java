package kz.hearingstate.routing.workflow;

import java.util.EnumMap;
import java.util.Map;

import kz.hearingstate.events.AppealStatus;

/**
 * Which trigger may move an appeal from which status, and to which. Anything not in the table is
 * refused ({@link InvalidTransitionException}, answered 409). Closed appeals (answered, forwarded,
 * rejected) accept no action; an answered one reopens only on the citizen's "not solved".
 *
 * <pre>
 * ROUTED          ACCEPT→IN_PROGRESS  REQUEST_INFO→INFO_REQUESTED  ANSWER→ANSWERED  FORWARD→ROUTED|FORWARDED
 *                 EXTEND→ROUTED  REJECT→REJECTED  ROUTE→ROUTED
 * IN_PROGRESS     REQUEST_INFO→INFO_REQUESTED  ANSWER→ANSWERED  FORWARD→ROUTED|FORWARDED  EXTEND→IN_PROGRESS
 *                 REJECT→REJECTED  ROUTE→ROUTED
 * INFO_REQUESTED  CITIZEN_REPLIED→IN_PROGRESS  ANSWER→ANSWERED  REJECT→REJECTED  ROUTE→ROUTED
 * ANSWERED        NOT_SOLVED→ROUTED (reopened)
 * FORWARDED, REJECTED: final to departments
 * any             CITIZENS_WORDS→ROUTED (the citizen's reply or comment may report corruption: to anti-corruption)
 * </pre>
 */
public final class AppealStateMachine {

    /** What can happen to an appeal: the department actions, split where the outcome differs, plus the citizen's. */
    public enum Trigger {
        ACCEPT, REQUEST_INFO, ANSWER, FORWARD_TO_DEPARTMENT, FORWARD_OUTSIDE, EXTEND, REJECT, ROUTE,
        CITIZEN_REPLIED, NOT_SOLVED, CITIZENS_WORDS
    }

    private static final Map<AppealStatus, Map<Trigger, AppealStatus>> TRANSITIONS = new EnumMap<>(AppealStatus.class);

    static {
        for (AppealStatus open : new AppealStatus[] {AppealStatus.ROUTED, AppealStatus.IN_PROGRESS}) {
            Map<Trigger, AppealStatus> from = new EnumMap<>(Trigger.class);
            from.put(Trigger.REQUEST_INFO, AppealStatus.INFO_REQUESTED);
            from.put(Trigger.ANSWER, AppealStatus.ANSWERED);
            from.put(Trigger.FORWARD_TO_DEPARTMENT, AppealStatus.ROUTED);
            from.put(Trigger.FORWARD_OUTSIDE, AppealStatus.FORWARDED);
            from.put(Trigger.EXTEND, open);
            from.put(Trigger.REJECT, AppealStatus.REJECTED);
            from.put(Trigger.ROUTE, AppealStatus.ROUTED);
            TRANSITIONS.put(open, from);
        }
        TRANSITIONS.get(AppealStatus.ROUTED).put(Trigger.ACCEPT, AppealStatus.IN_PROGRESS);

        Map<Trigger, AppealStatus> waiting = new EnumMap<>(Trigger.class);
        waiting.put(Trigger.CITIZEN_REPLIED, AppealStatus.IN_PROGRESS);
        waiting.put(Trigger.ANSWER, AppealStatus.ANSWERED);
        waiting.put(Trigger.REJECT, AppealStatus.REJECTED);
        waiting.put(Trigger.ROUTE, AppealStatus.ROUTED);
        TRANSITIONS.put(AppealStatus.INFO_REQUESTED, waiting);

        Map<Trigger, AppealStatus> answered = new EnumMap<>(Trigger.class);
        answered.put(Trigger.NOT_SOLVED, AppealStatus.ROUTED);
        TRANSITIONS.put(AppealStatus.ANSWERED, answered);
        TRANSITIONS.computeIfAbsent(AppealStatus.FORWARDED, status -> new EnumMap<>(Trigger.class));
        TRANSITIONS.computeIfAbsent(AppealStatus.REJECTED, status -> new EnumMap<>(Trigger.class));
        for (AppealStatus any : AppealStatus.values()) {
            if (any != AppealStatus.SUBMITTED) {
                TRANSITIONS.get(any).put(Trigger.CITIZENS_WORDS, AppealStatus.ROUTED);
            }
        }
    }

    private AppealStateMachine() {
    }

    /** The status after {@code trigger}. @throws InvalidTransitionException when the table has no such move */
    public static AppealStatus next(AppealStatus from, Trigger trigger) {
        AppealStatus to = TRANSITIONS.getOrDefault(from, Map.of()).get(trigger);
        if (to == null) {
            throw new InvalidTransitionException(from, trigger);
        }
        return to;
    }

    public static boolean allows(AppealStatus from, Trigger trigger) {
        return TRANSITIONS.getOrDefault(from, Map.of()).containsKey(trigger);
    }

    /** 409: the appeal's status does not allow this. */
    public static class InvalidTransitionException extends RuntimeException {
        private final AppealStatus from;
        private final Trigger trigger;

        public InvalidTransitionException(AppealStatus from, Trigger trigger) {
            super(trigger + " is not possible while the appeal is " + from + (from.isClosed() ? " (closed)" : "") + ".");
            this.from = from;
            this.trigger = trigger;
        }

        public AppealStatus from() {
            return from;
        }

        public Trigger trigger() {
            return trigger;
        }
    }
}
