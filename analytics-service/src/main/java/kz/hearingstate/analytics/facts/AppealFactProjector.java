package kz.hearingstate.analytics.facts;

import java.util.ArrayList;
import java.util.List;

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

    public List<AppealFact> submitted(List<AppealSubmitted> events) {
        return facts.updateAll(events.stream()
                .map(event -> new AppealFacts.Change(event.appealId(), fact -> fact.apply(event, geoCellDegrees))).toList());
    }

    /**
     * @return for each event the fact it changed, as {@link #submitted}, and the facts whose {@link AppealFact#placement}
     *         an event of the batch moved: only theirs can change a place's surge check. Routing names the category
     *         on every lifecycle event, so checking every changed fact repeated the check at each assignment, answer
     *         and close of an appeal.
     */
    public LifecycleChanges lifecycle(List<AppealLifecycleEvent> events) {
        // Set once and kept: a batch applied again after a conflict finds what an earlier attempt stored unchanged.
        boolean[] moved = new boolean[events.size()];
        List<AppealFacts.Change> changes = new ArrayList<>(events.size());
        for (int index = 0; index < events.size(); index++) {
            AppealLifecycleEvent event = events.get(index);
            int at = index;
            changes.add(new AppealFacts.Change(event.appealId(), fact -> {
                AppealFact.Placement before = fact.placement();
                boolean applied = fact.apply(event);
                if (applied && !before.equals(fact.placement())) {
                    moved[at] = true;
                }
                return applied;
            }));
        }
        List<AppealFact> changed = facts.updateAll(changes);
        List<AppealFact> placed = new ArrayList<>();
        for (int index = 0; index < changed.size(); index++) {
            if (moved[index] && changed.get(index) != null) {
                placed.add(changed.get(index));
            }
        }
        return new LifecycleChanges(changed, placed);
    }

    /**
     * @param changed for each event, the fact it changed as the batch left it, or null when it changed nothing
     * @param placed  the facts whose placement an event of the batch moved, as the batch left them
     */
    public record LifecycleChanges(List<AppealFact> changed, List<AppealFact> placed) {
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
