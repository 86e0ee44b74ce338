package kz.hearingstate.analytics.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;

import kz.hearingstate.events.AppealFeedback;
import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.NotificationOutcome;

/**
 * Folds appeal events into {@link AppealFact}s. Each method takes a batch of one topic's events, in order, and
 * returns for each event the fact it changed, or null when it changed nothing (see {@link AppealFacts#updateAll}).
 */
public class AppealFactProjector {

    private final AppealFacts facts;
    private final double geoCellDegrees;

    public AppealFactProjector(AppealFacts facts, double geoCellDegrees) {
        this.facts = facts;
        this.geoCellDegrees = geoCellDegrees;
    }

    /** @return as {@link #lifecycle}: a submission always places its appeal (its receipt), a repeated one is a redelivery */
    public Changes submitted(List<AppealSubmitted> events) {
        return applyAll(events, AppealSubmitted::appealId, (fact, event) -> fact.apply(event, geoCellDegrees),
                (fact, event) -> true);
    }

    /**
     * @return for each event the fact it changed, and the facts the surge check must look at: those whose
     *         {@link AppealFact#placement} an event of the batch moved (routing, a move to another department, a reopening),
     *         and those of a redelivered event. Routing names the category on every lifecycle event, so checking every
     *         changed fact repeated the check at each assignment, answer and close of an appeal.
     */
    public Changes lifecycle(List<AppealLifecycleEvent> events) {
        // The appeal's latest event again: an earlier one's redelivery is followed by the latest's in the same batch.
        return applyAll(events, AppealLifecycleEvent::appealId, AppealFact::apply,
                (fact, event) -> event.sequence() == fact.getLastSequence());
    }

    /**
     * Applies a batch ({@link AppealFacts#updateAll}) and tells which facts the surge check must look at. A redelivered
     * event is checked again although it changes nothing: its first delivery's check may never have run (the process
     * stopped, or the check failed, after the facts were written), and checking again changes nothing that it did.
     *
     * @param redelivery whether an event that changed nothing is a redelivery of one that did
     */
    private <E> Changes applyAll(List<E> events, Function<E, String> appealIdOf, BiPredicate<AppealFact, E> apply,
            BiPredicate<AppealFact, E> redelivery) {
        // Both set in the attempt that applies the event and kept: a batch applied again after a conflict may find what an
        // earlier attempt stored.
        boolean[] moved = new boolean[events.size()];
        AppealFact[] redelivered = new AppealFact[events.size()];
        List<AppealFacts.Change> changes = new ArrayList<>(events.size());
        for (int index = 0; index < events.size(); index++) {
            E event = events.get(index);
            int at = index;
            changes.add(new AppealFacts.Change(appealIdOf.apply(event), fact -> {
                AppealFact.Placement before = fact.placement();
                if (apply.test(fact, event)) {
                    moved[at] |= !before.equals(fact.placement());
                    return true;
                }
                if (redelivery.test(fact, event)) {
                    redelivered[at] = fact;
                }
                return false;
            }));
        }
        List<AppealFact> changed = facts.updateAll(changes);
        List<AppealFact> toCheck = new ArrayList<>();
        for (int index = 0; index < changed.size(); index++) {
            if (changed.get(index) != null && moved[index]) {
                toCheck.add(changed.get(index));
            } else if (redelivered[index] != null) {
                toCheck.add(redelivered[index]);
            }
        }
        return new Changes(changed, toCheck);
    }

    /**
     * @param changed for each event, the fact it changed as the batch left it, or null when it changed nothing
     * @param toCheck the facts whose places the surge check must look at ({@link #applyAll})
     */
    public record Changes(List<AppealFact> changed, List<AppealFact> toCheck) {
    }

    public List<AppealFact> feedback(List<AppealFeedback> events) {
        return facts.updateAll(events.stream()
                .map(event -> new AppealFacts.Change(event.appealId(), fact -> fact.apply(event))).toList());
    }

    public List<AppealFact> notificationOutcomes(List<NotificationOutcome> events) {
        return facts.updateAll(events.stream()
                .map(event -> new AppealFacts.Change(event.appealId(), fact -> fact.apply(event))).toList());
    }
}
