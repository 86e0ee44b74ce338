package kz.hearingstate.analytics.facts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import kz.hearingstate.events.AppealFeedback;
import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.Location;
import kz.hearingstate.events.NotificationOutcome;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What analytics knows about one appeal: no citizen, no text, no subject, no address, only the
 * facts the figures need. Every {@code apply} is idempotent and commutative across topics, so a
 * redelivered event changes nothing and a replay in any interleaving of the topics yields the same
 * fact: lifecycle events are guarded by their sequence, feedback and notification outcomes by their id,
 * and whatever routing says (category, deadline, status) wins over what intake said, whichever came first.
 */
@Document("appeal_facts")
public class AppealFact {

    @Id
    private String appealId;
    @Version
    private Long version;

    private boolean submitted;
    private String channel;
    private String type;
    private String language;
    private String category;
    /** True once routing named the category; intake's hint is then ignored. */
    private boolean categoryFromRouting;
    private String department;
    /**
     * The department routing first gave the appeal, never changed after: whether the appeal counts in the public
     * splits by category, channel, settlement and language follows from it, so that a later move (a forward into or
     * out of a confidential department) never changes those splits.
     */
    private String firstDepartment;
    /** A code of the directory's settlement list or "other", as routing named it; never the appeal's free text. */
    private String settlement;
    private String geoCell;

    private Instant receivedAt;
    private Instant registeredAt;
    private Instant routedAt;
    private Instant firstActionAt;
    /** The first answer; a reopened appeal keeps it. */
    private Instant answeredAt;
    private Instant forwardedAt;
    private Instant rejectedAt;
    /** The latest close; null while the appeal is open (again). */
    private Instant closedAt;
    private Instant deadline;
    private boolean deadlineFromRouting;
    private AppealStatus status;
    /** Routing announced an SLA breach (the deadline passed while the appeal was open). */
    private boolean slaBreachAnnounced;
    private int reopenCount;
    private long lastSequence;

    private Integer rating;
    private Boolean solved;
    private Instant feedbackAt;
    private String feedbackId;

    private int notificationsDelivered;
    private int notificationsFailed;
    /** Ids of applied feedback and notification outcomes, the events without a per-appeal sequence. */
    private List<String> appliedEventIds = new ArrayList<>();

    protected AppealFact() {
    }

    public AppealFact(String appealId) {
        this.appealId = appealId;
    }

    /** @return true when the fact changed */
    public boolean apply(AppealSubmitted event, double geoCellDegrees) {
        if (submitted) {
            return false;
        }
        submitted = true;
        channel = event.channel();
        type = event.type() == null ? null : event.type().name();
        language = event.language() == null ? null : event.language().name();
        if (!categoryFromRouting && event.categoryHint() != null && !event.categoryHint().isBlank()) {
            category = event.categoryHint();
        }
        // Not location.settlement(): that is free text, a name and a phone number at times. The settlement
        // comes from routing, as a code of the directory's list (see apply(AppealLifecycleEvent)).
        Location location = event.location();
        if (location != null) {
            geoCell = GeoCell.of(location.lat(), location.lon(), geoCellDegrees);
        }
        receivedAt = event.receivedAt();
        registeredAt = event.registeredAt();
        if (!deadlineFromRouting) {
            deadline = event.deadline();
        }
        if (status == null) {
            status = AppealStatus.SUBMITTED;
        }
        return true;
    }

    /** @return true when the fact changed (false for a stale or repeated sequence) */
    public boolean apply(AppealLifecycleEvent event) {
        if (event.sequence() <= lastSequence) {
            return false;
        }
        lastSequence = event.sequence();
        Instant at = event.occurredAt();
        if (event.department() != null && !event.department().isBlank()) {
            if (firstDepartment == null) {
                // The department it had (a fact stored before this field was), else the one a forward came from (the
                // first event seen may be a forward), else this one.
                firstDepartment = department != null ? department
                        : event.previousDepartment() != null && !event.previousDepartment().isBlank() ? event.previousDepartment()
                        : event.department();
            }
            department = event.department();
        }
        if (event.settlement() != null) {
            settlement = event.settlement();
        }
        if (event.category() != null && !event.category().isBlank()) {
            category = event.category();
            categoryFromRouting = true;
        }
        if (event.deadline() != null) {
            deadline = event.deadline();
            deadlineFromRouting = true;
        }
        if (event.status() != null) {
            status = event.status();
        }
        switch (event.type()) {
            case ROUTED -> routedAt = earliest(routedAt, at);
            case ACCEPTED, INFO_REQUESTED, EXTENDED -> firstActionAt = earliest(firstActionAt, at);
            case ANSWERED -> {
                firstActionAt = earliest(firstActionAt, at);
                answeredAt = earliest(answeredAt, at);
                closedAt = at;
            }
            case FORWARDED -> {
                firstActionAt = earliest(firstActionAt, at);
                forwardedAt = at;
                closedAt = at;
            }
            case REJECTED -> {
                if (event.department() != null && !event.department().isBlank()) {
                    // A department's rejection; routing's own (an anonymous appeal not considered) is no department's act.
                    firstActionAt = earliest(firstActionAt, at);
                }
                rejectedAt = at;
                closedAt = at;
            }
            case REOPENED -> {
                reopenCount++;
                closedAt = null;
            }
            case SLA_BREACHED -> slaBreachAnnounced = true;
            default -> {
                // INFO_PROVIDED, SLA_WARNING, ESCALATED: the status and department above are all they change.
            }
        }
        return true;
    }

    /** The latest feedback (by time, then id) wins, whatever order they arrive in. */
    public boolean apply(AppealFeedback event) {
        if (appliedEventIds.contains(event.feedbackId())) {
            return false;
        }
        appliedEventIds.add(event.feedbackId());
        boolean newer = feedbackAt == null || event.occurredAt().isAfter(feedbackAt)
                || (event.occurredAt().equals(feedbackAt) && event.feedbackId().compareTo(feedbackId) > 0);
        if (newer) {
            rating = event.rating();
            solved = event.solved();
            feedbackAt = event.occurredAt();
            feedbackId = event.feedbackId();
        }
        return true;
    }

    public boolean apply(NotificationOutcome event) {
        if (appliedEventIds.contains(event.notificationId())) {
            return false;
        }
        appliedEventIds.add(event.notificationId());
        if (NotificationOutcome.DELIVERED.equals(event.outcome())) {
            notificationsDelivered++;
        } else if (NotificationOutcome.FAILED.equals(event.outcome())) {
            notificationsFailed++;
        }
        return true;
    }

    public boolean isOpen() {
        return status != null && !status.isClosed();
    }

    /**
     * Whether it counts in the share of appeals closed on time: closed, with a deadline, by a department that held it
     * (not an anonymous appeal routing's rule rejected at once, which no department ever had).
     */
    public boolean countsTowardSla() {
        return closedAt != null && deadline != null && department != null;
    }

    /** Closed (answered, forwarded or rejected) no later than the deadline in force. */
    public boolean isClosedOnTime() {
        return closedAt != null && deadline != null && !closedAt.isAfter(deadline) && !slaBreachAnnounced;
    }

    public boolean isOverdue(Instant now) {
        return clockRuns() && deadline != null && deadline.isBefore(now);
    }

    /** {@link AppealStatus#clockRuns()}: a paused appeal is never overdue. */
    public boolean clockRuns() {
        return status != null && status.clockRuns();
    }

    private static Instant earliest(Instant current, Instant candidate) {
        if (candidate == null) {
            return current;
        }
        return current == null || candidate.isBefore(current) ? candidate : current;
    }


    /**
     * What decides where the appeal counts in a surge ({@code HotspotDetector}): its category, place, receipt and
     * departments. An event that changes none of them (an assignment, an answer) gives a place's check nothing new to see;
     * a change of the directory (a department read for the first time, or no longer confidential) can, and checks that
     * department's appeals ({@code HotspotDetector#checkDepartment}).
     */
    public record Placement(String category, String settlement, String geoCell, Instant receivedAt, String department,
            String firstDepartment) {
    }

    public Placement placement() {
        return new Placement(category, settlement, geoCell, receivedAt, department, getFirstDepartment());
    }

    public String getAppealId() { return appealId; }
    public Long getVersion() { return version; }

    /** The version a write of this fact stores (a bulk write bumps it itself; a save leaves it to Spring Data). */
    void setVersion(Long version) { this.version = version; }
    public boolean isSubmitted() { return submitted; }
    public String getChannel() { return channel; }
    public String getType() { return type; }
    public String getLanguage() { return language; }
    public String getCategory() { return category; }
    public String getDepartment() { return department; }
    /** The first department routing gave it; of a fact stored before that was kept, the department it has. */
    public String getFirstDepartment() { return firstDepartment != null ? firstDepartment : department; }
    public String getSettlement() { return settlement; }
    public String getGeoCell() { return geoCell; }
    public Instant getReceivedAt() { return receivedAt; }
    public Instant getRegisteredAt() { return registeredAt; }
    public Instant getRoutedAt() { return routedAt; }
    public Instant getFirstActionAt() { return firstActionAt; }
    public Instant getAnsweredAt() { return answeredAt; }
    public Instant getForwardedAt() { return forwardedAt; }
    public Instant getRejectedAt() { return rejectedAt; }
    public Instant getClosedAt() { return closedAt; }
    public Instant getDeadline() { return deadline; }
    public AppealStatus getStatus() { return status; }
    public boolean isSlaBreachAnnounced() { return slaBreachAnnounced; }
    public int getReopenCount() { return reopenCount; }
    public long getLastSequence() { return lastSequence; }
    public Integer getRating() { return rating; }
    public Boolean getSolved() { return solved; }
    public Instant getFeedbackAt() { return feedbackAt; }
    public int getNotificationsDelivered() { return notificationsDelivered; }
    public int getNotificationsFailed() { return notificationsFailed; }
}
