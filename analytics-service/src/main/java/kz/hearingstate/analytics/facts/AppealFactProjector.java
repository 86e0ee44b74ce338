package kz.hearingstate.analytics.facts;

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

    public List<AppealFact> lifecycle(List<AppealLifecycleEvent> events) {
        return facts.updateAll(events.stream()
                .map(event -> new AppealFacts.Change(event.appealId(), fact -> fact.apply(event))).toList());
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
