package kz.hearingstate.routing.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.routing.classification.RoutingDecision;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Routing's view of one appeal ({@code appeals} collection, {@code _id} = appealId). Every write is
 * guarded by {@code version}, so two instances never both apply a change (an action, a timer). Events
 * decided by a change are saved in {@code outbox} with the change and removed once Kafka acknowledged
 * them; a crash in between leaves them there to be sent again.
 */
@Document(AppealStore.COLLECTION)
public class RoutedAppeal {

    @Id
    String appealId;
    @Version
    Long version;
    /** The appeal as received, contacts included: department inbox messages are built from it. */
    AppealSubmitted submitted;
    /** The settlement as a code of the directory's list, or "other": what lifecycle events carry, never the free text. */
    String settlement;
    AppealStatus status;
    String department;
    String previousDepartment;
    String classifiedAs;
    String category;
    double confidence;
    boolean triage;
    /** The department model's three likeliest departments with their probabilities, for the triage desk. */
    List<RoutingDecision.Candidate> topDepartments = new ArrayList<>();
    String routingReason;
    String forwardedTo;
    boolean forwardedLate;
    /** The sequence of the last lifecycle event; the next one is {@code sequence + 1}. */
    long sequence;
    Instant registeredAt;
    Instant deadline;
    Instant warningAt;
    SlaState slaState;
    /** When the legal clock next needs attention; null while paused or closed. Indexed. */
    Instant nextTimerAt;
    Instant pausedAt;
    Instant routedAt;
    Instant updatedAt;
    /** Ids of actions, replies and feedback already applied: redelivered inputs change nothing. */
    List<String> appliedInputs = new ArrayList<>();
    List<PendingEvent> outbox = new ArrayList<>();
    /** Every lifecycle event of the appeal, oldest first (appeals stored before it was kept have none). */
    List<HistoryEntry> history = new ArrayList<>();
    /** When the oldest unpublished event was saved; null when none. Indexed. */
    Instant outboxSince;
    /** The citizen's last rating of an answer; null until there is one. */
    CitizenFeedback citizenFeedback;
    /** The citizen's answers to the department's requests for information, oldest first. */
    List<CitizenReply> citizenReplies = new ArrayList<>();

    public String appealId() {
        return appealId;
    }

    public AppealStatus status() {
        return status;
    }

    public String department() {
        return department;
    }

    public boolean triage() {
        return triage;
    }

    public long sequence() {
        return sequence;
    }

    public Instant deadline() {
        return deadline;
    }

    public SlaState slaState() {
        return slaState;
    }

    public List<PendingEvent> outbox() {
        return outbox;
    }

    public AppealSubmitted submitted() {
        return submitted;
    }

    public String category() {
        return category;
    }

    public String classifiedAs() {
        return classifiedAs;
    }

    public double confidence() {
        return confidence;
    }

    /** When the legal clock's warning is due (the start of a working day); null until the appeal is routed. */
    public Instant warningAt() {
        return warningAt;
    }

    public String routingReason() {
        return routingReason;
    }

    public String forwardedTo() {
        return forwardedTo;
    }

    /** Forwarded to an outside body after the legal limit for forwarding. */
    public boolean forwardedLate() {
        return forwardedLate;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant pausedAt() {
        return pausedAt;
    }

    /** The department model's three likeliest departments with their probabilities (empty when a rule decided). */
    public List<RoutingDecision.Candidate> topDepartments() {
        return topDepartments == null ? List.of() : topDepartments;
    }

    public CitizenFeedback citizenFeedback() {
        return citizenFeedback;
    }

    public List<CitizenReply> citizenReplies() {
        return citizenReplies == null ? List.of() : citizenReplies;
    }

    public List<HistoryEntry> history() {
        return history == null ? List.of() : history;
    }

    /** Whether the appeal is, or ever was, at a department that {@code departments} accepts (a confidential one, say). */
    public boolean hasBeenAt(Predicate<String> departments) {
        return departments.test(department) || departments.test(previousDepartment)
                || history().stream().anyMatch(entry -> departments.test(entry.department()));
    }
}
