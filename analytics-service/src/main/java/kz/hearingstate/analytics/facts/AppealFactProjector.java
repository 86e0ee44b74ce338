package kz.hearingstate.analytics.facts;

import java.util.Optional;

import kz.hearingstate.events.AppealFeedback;
import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.NotificationOutcome;

/** Folds appeal events into {@link AppealFact}s; each method returns the fact when it changed. */
public class AppealFactProjector {

    private final AppealFacts facts;
    private final double geoCellDegrees;

    public AppealFactProjector(AppealFacts facts, double geoCellDegrees) {
        this.facts = facts;
        this.geoCellDegrees = geoCellDegrees;
    }

    public Optional<AppealFact> submitted(AppealSubmitted event) {
        return facts.update(event.appealId(), fact -> fact.apply(event, geoCellDegrees));
    }

    public Optional<AppealFact> lifecycle(AppealLifecycleEvent event) {
        return facts.update(event.appealId(), fact -> fact.apply(event));
    }

    public Optional<AppealFact> feedback(AppealFeedback event) {
        return facts.update(event.appealId(), fact -> fact.apply(event));
    }

    public Optional<AppealFact> notificationOutcome(NotificationOutcome event) {
        return facts.update(event.appealId(), fact -> fact.apply(event));
    }
}
