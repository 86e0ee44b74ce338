package kz.hearingstate.routing.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import kz.hearingstate.events.ActionType;
import kz.hearingstate.events.AppealFeedback;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.CitizenReplied;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.messaging.EventPublisher;
import kz.hearingstate.routing.classification.AppealClassifier;
import kz.hearingstate.routing.classification.CorrectionStore;
import kz.hearingstate.routing.classification.OverrideRule;
import kz.hearingstate.routing.classification.OverrideRuleStore;
import kz.hearingstate.routing.classification.RoutingCorrection;
import kz.hearingstate.routing.classification.RoutingDecision;
import kz.hearingstate.routing.classification.SettlementNormaliser;
import kz.hearingstate.routing.RoutingProperties;
import kz.hearingstate.routing.directory.Department;
import kz.hearingstate.routing.directory.DirectoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Applies every input to an appeal the same way: read it, let {@link AppealWorkflow} decide, save with a
 * version check (retrying from the fresh state when another instance or thread won), then publish the
 * events the change left in the outbox. A redelivered input (same appeal, action, reply or feedback id)
 * changes nothing and only publishes what is still pending. Logs name appeals by id only.
 */
@Service
public class WorkflowService {

    private static final Logger log = LoggerFactory.getLogger(WorkflowService.class);
    private static final int MAX_ATTEMPTS = 5;

    private final AppealStore store;
    private final AppealWorkflow workflow;
    private final AppealClassifier classifier;
    private final DirectoryService directory;
    private final OverrideRuleStore rules;
    private final CorrectionStore corrections;
    private final RoutingMetrics metrics;
    private final Clock clock;
    private final int batchSize;

    private final SettlementNormaliser settlements;

    public WorkflowService(AppealStore store, AppealWorkflow workflow, AppealClassifier classifier,
            DirectoryService directory, OverrideRuleStore rules, CorrectionStore corrections, RoutingMetrics metrics,
            Clock clock, RoutingProperties properties, SettlementNormaliser settlements) {
        this.settlements = settlements;
        this.store = store;
        this.workflow = workflow;
        this.classifier = classifier;
        this.directory = directory;
        this.rules = rules;
        this.corrections = corrections;
        this.metrics = metrics;
        this.clock = clock;
        this.batchSize = properties.timers().batchSize();
    }

    /** Classifies and routes a submitted appeal; a redelivery only publishes what is still pending. */
    public RoutedAppeal route(AppealSubmitted submitted) {
        return routeAll(List.of(submitted)).getFirst();
    }

    /**
     * Classifies and routes a batch of submitted appeals with a few round trips for the whole batch: one
     * read of what is stored, one insert of the new ones, one wait for Kafka, one write that clears the
     * outboxes. A redelivered appeal (stored already, or twice in the batch) only publishes what is still pending.
     *
     * @return the stored state of each appeal, in the order given
     */
    public List<RoutedAppeal> routeAll(List<AppealSubmitted> batch) {
        Map<String, RoutedAppeal> stored = store.findAll(batch.stream().map(AppealSubmitted::appealId).toList());
        Instant now = clock.instant();
        List<Department> departments = directory.routable();
        List<OverrideRule> enabledRules = rules.enabled();
        Map<String, RoutingDecision> decisions = new HashMap<>();
        Map<String, RoutedAppeal> routed = new LinkedHashMap<>();
        for (AppealSubmitted submitted : batch) {
            if (stored.containsKey(submitted.appealId()) || routed.containsKey(submitted.appealId())) {
                continue;
            }
            RoutingDecision decision = classifier.classify(new AppealClassifier.Input(submitted.subject(), submitted.text(),
                            submitted.anonymous(), submitted.categoryHint(),
                            submitted.location() == null ? null : settlements.canonicalName(submitted.location().settlement())),
                    departments, enabledRules);
            decisions.put(submitted.appealId(), decision);
            routed.put(submitted.appealId(), workflow.route(submitted, decision, now));
        }
        List<RoutedAppeal> inserted = store.insertAll(List.copyOf(routed.values()));
        for (RoutedAppeal appeal : inserted) {
            count(appeal, decisions.get(appeal.appealId), now);
        }
        Map<String, RoutedAppeal> result = new LinkedHashMap<>(stored);
        inserted.forEach(appeal -> result.put(appeal.appealId, appeal));
        if (inserted.size() < routed.size()) {
            // Another instance stored some of them first: publish what its copies still have pending.
            List<String> lost = routed.keySet().stream().filter(id -> !result.containsKey(id)).toList();
            result.putAll(store.findAll(lost));
        }
        publishEachIfNeeded(List.copyOf(result.values()));
        return batch.stream().map(submitted -> result.get(submitted.appealId())).toList();
    }

    private void count(RoutedAppeal appeal, RoutingDecision decision, Instant now) {
        if (decision.rejected()) {
            metrics.rejectedAnonymous();
        } else {
            metrics.routed(decision.department());
            if (decision.triage()) {
                metrics.triaged();
            }
        }
        metrics.routingLatency(Duration.between(appeal.submitted.receivedAt(), now));
        // Not where, nor why: a line tying an appeal to anti-corruption would tell whoever reads the logs which appeals
        // report corruption. Where each department's appeals go is counted in the metrics, and each appeal's decision
        // is stored with it. Per appeal, and so for debugging only.
        log.debug("Appeal {} {}", appeal.appealId, decision.rejected() ? "rejected" : "routed");
    }

    /**
     * Applies a department action; idempotent by actionId within the caller's ({@link Command#inputId}).
     *
     * @throws AppealNotFoundException, ActionNotAllowedException, InvalidTransitionException, InvalidCommandException
     */
    public RoutedAppeal apply(Command command) {
        String department = command.caller().actor(); // the metric tag: the department, or "admin"
        try {
            RoutedAppeal before = store.find(command.appealId()).orElseThrow(() -> new AppealNotFoundException(command.appealId()));
            // An action id sent again changes nothing, and is neither labelled data nor counted again (whatever the
            // repeated request says now).
            boolean repeated = before.appliedInputs.contains(command.inputId());
            String classifiedAs = before.classifiedAs;
            double confidence = before.confidence;
            boolean triage = before.triage;
            RoutedAppeal appeal = change(command.appealId(), command.inputId(), a -> workflow.apply(a, command, clock.instant()));
            // A hand-made routing is labelled data for the admin's retraining, unless the appeal is or ever was at a
            // confidential department (routed or forwarded there, then or later, or sent on from there): a report's text
            // is that department's alone, and the admin must not read it.
            boolean confidential = appeal.hasBeenAt(directory::isConfidential);
            if (confidential && (command.action() == ActionType.ROUTE || command.action() == ActionType.FORWARD)) {
                corrections.forgetAppeal(appeal.appealId);
            } else if (command.action() == ActionType.ROUTE && !repeated && appeal.appliedInputs.contains(command.inputId())) {
                corrections.save(new RoutingCorrection(command.inputId(), appeal.appealId, appeal.submitted.language(),
                        textOf(appeal), classifiedAs, confidence, triage, appeal.department, command.actor(),
                        clock.instant()));
            }
            if (repeated) {
                return appeal;
            }
            if ((command.action() == ActionType.ROUTE || command.action() == ActionType.FORWARD)
                    && appeal.status == AppealStatus.ROUTED) {
                metrics.routed(appeal.department);
            }
            metrics.action(command.action().name(), department, "applied");
            return appeal;
        } catch (RuntimeException e) {
            metrics.action(command.action().name(), department, "refused");
            throw e;
        }
    }

    /**
     * The citizen's reply to a request for information. It restarts the clock of an appeal that waits for one; one that
     * comes later (the appeal was forwarded or routed meanwhile) changes nothing but is kept all the same: the citizen's
     * words are never dropped.
     */
    public void citizenReplied(CitizenReplied reply) {
        RoutedAppeal appeal = store.find(reply.appealId()).orElse(null);
        if (appeal == null) {
            log.info("Citizen reply {} is for appeal {}, which routing does not know", reply.replyId(), reply.appealId());
            return;
        }
        RoutedAppeal after;
        if (appeal.appliedInputs.contains(reply.replyId())
                || AppealStateMachine.allows(appeal.status, AppealStateMachine.Trigger.CITIZEN_REPLIED)) {
            after = change(reply.appealId(), reply.replyId(),
                    a -> workflow.citizenReplied(a, reply, reportTo(a, reply.text()), clock.instant()));
        } else {
            after = change(reply.appealId(), reply.replyId(),
                    a -> workflow.lateReply(a, reply, reportTo(a, reply.text()), clock.instant()));
        }
        if (after.department != null && !after.department.equals(appeal.department)) {
            metrics.routed(after.department); // moved by the citizen's words
        }
    }

    /**
     * Where the citizen's own words go when they may report corruption and the appeal is with an ordinary department,
     * perhaps the accused's: the confidential anti-corruption department, never the department holding the appeal.
     * Null when the words report nothing, or the appeal is with a confidential department already. The words are the
     * citizen's since routing (a reply, a comment), which the detector never saw at routing.
     */
    private String reportTo(RoutedAppeal appeal, String words) {
        if (appeal.department == null || directory.isConfidential(appeal.department) || !classifier.mayReportCorruption(words)) {
            return null;
        }
        return Department.ANTI_CORRUPTION;
    }

    /**
     * The citizen's rating: kept on the appeal for the department to read; "not solved" on an answered appeal also
     * reopens it.
     */
    public void feedback(AppealFeedback feedback) {
        if (feedback.solved()) {
            try {
                RoutedAppeal rated = change(feedback.appealId(), feedback.feedbackId(),
                        a -> workflow.rated(a, feedback, reportTo(a, feedback.comment()), clock.instant()));
                if (rated.status == AppealStatus.ROUTED) {
                    metrics.routed(rated.department); // reopened by the comment's words
                }
            } catch (AppealNotFoundException unknown) {
                log.info("Feedback {} is for appeal {}, which routing does not know", feedback.feedbackId(), feedback.appealId());
            }
            return;
        }
        RoutedAppeal appeal = store.find(feedback.appealId()).orElse(null);
        if (appeal == null || (!appeal.appliedInputs.contains(feedback.feedbackId())
                && !AppealStateMachine.allows(appeal.status, AppealStateMachine.Trigger.NOT_SOLVED))) {
            log.info("Feedback {} does not reopen appeal {}", feedback.feedbackId(), feedback.appealId());
            return;
        }
        RoutedAppeal reopened = change(feedback.appealId(), feedback.feedbackId(),
                a -> workflow.notSolved(a, feedback, reportTo(a, feedback.comment()), clock.instant()));
        metrics.routed(reopened.department);
    }

    /**
     * Fires the due steps of the legal clock. Each step is claimed by the version-checked save: when two
     * instances race for one appeal, one saves (and publishes), the other sees a conflict and moves on.
     *
     * @return how many appeals this instance changed
     */
    public int fireDueTimers() {
        Instant now = clock.instant();
        int changed = 0;
        for (RoutedAppeal appeal : store.dueTimers(now, batchSize)) {
            List<LifecycleType> fired = workflow.fireTimers(appeal, now);
            try {
                store.save(appeal);
            } catch (OptimisticLockingFailureException e) {
                continue; // another instance claimed it, or an action changed it: the next round sees the new state
            }
            changed++;
            fired.forEach(type -> {
                if (type == LifecycleType.SLA_WARNING) {
                    metrics.slaWarning(appeal.department);
                } else {
                    metrics.slaBreached(appeal.department);
                }
            });
            publishQuietly(appeal);
        }
        return changed;
    }

    /** Sends events left unpublished by a crash or a Kafka outage. */
    public int republishStale(Duration olderThan) {
        List<RoutedAppeal> stale = store.stalePending(clock.instant().minus(olderThan), batchSize);
        for (RoutedAppeal appeal : stale) {
            if (!publishQuietly(appeal)) {
                // To the back of the queue: appeals Kafka keeps refusing must not hold the others' re-sends.
                store.postponePending(appeal.appealId, clock.instant());
            }
        }
        return stale.size();
    }

    /** Read, change, save with version check; on conflict start again from the fresh state. Then publish. */
    private RoutedAppeal change(String appealId, String inputId, Consumer<RoutedAppeal> change) {
        for (int attempt = 1; ; attempt++) {
            RoutedAppeal appeal = store.find(appealId).orElseThrow(() -> new AppealNotFoundException(appealId));
            if (appeal.appliedInputs.contains(inputId)) {
                store.publishPending(appeal);
                return appeal;
            }
            change.accept(appeal);
            try {
                RoutedAppeal saved = store.save(appeal);
                store.publishPending(saved);
                return saved;
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Publishes the batch's pending events together; if Kafka refuses them, each appeal's on its own, so that one
     * destination that cannot take them (a department added without its inbox topic) holds back its own appeal, not the
     * batch: the appeals that went out are done, the others wait in their outboxes for the timer. Only when none went
     * out (Kafka itself is failing) is the batch failed, to be delivered again. The appeals are tried side by side, so
     * that a Kafka outage costs one send timeout, not one per appeal of the batch.
     */
    private void publishEachIfNeeded(List<RoutedAppeal> appeals) {
        try {
            store.publishPending(appeals);
        } catch (EventPublisher.EventNotAcknowledgedException all) {
            List<RoutedAppeal> pending = appeals.stream().filter(appeal -> !appeal.outbox.isEmpty()).toList();
            List<Future<Boolean>> sent;
            try (ExecutorService sideBySide = Executors.newVirtualThreadPerTaskExecutor()) {
                sent = pending.stream().map(appeal -> sideBySide.submit(() -> publishQuietly(appeal))).toList();
            } // closing waits for every one
            if (!pending.isEmpty() && sent.stream().noneMatch(WorkflowService::wentOut)) {
                throw all;
            }
        }
    }

    private static boolean wentOut(Future<Boolean> sent) {
        try {
            return sent.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return false when Kafka refused the appeal's events: they stay pending, to be published again */
    private boolean publishQuietly(RoutedAppeal appeal) {
        try {
            store.publishPending(appeal);
            return true;
        } catch (EventPublisher.EventNotAcknowledgedException e) {
            // Not the appeal: the message names the topic, which may be departments.anti-corruption.inbox.
            log.warn("An appeal's events stay pending, to be published again: {}", e.getMessage());
            return false;
        }
    }

    private static String textOf(RoutedAppeal appeal) {
        String subject = appeal.submitted.subject();
        return subject == null || subject.isBlank() ? appeal.submitted.text() : subject + ". " + appeal.submitted.text();
    }
}
