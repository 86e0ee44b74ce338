package kz.hearingstate.intake.submission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import kz.hearingstate.clock.LegalClock;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.Topics;
import kz.hearingstate.intake.category.CategoryCatalog;
import kz.hearingstate.intake.config.IntakeProperties;
import kz.hearingstate.intake.identity.AppealIds;
import kz.hearingstate.intake.identity.CitizenSecrets;
import kz.hearingstate.intake.identity.ContentFingerprint;
import kz.hearingstate.intake.status.AppealStatusStore;
import kz.hearingstate.intake.status.AppealStatusView;
import kz.hearingstate.intake.submission.SubmissionReservations.Reservation;
import kz.hearingstate.messaging.EventPublisher;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.FieldViolation;
import kz.hearingstate.web.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Accepts an appeal exactly once. Kafka first: the 202 is given only after the broker acknowledged
 * {@code appeal.submitted.v1}; only then does the status view learn of it (a write the projection repeats
 * anyway). With an idempotency key (or externalId) the appealId is fixed by channel and key, and the key is
 * reserved with the content's fingerprint before anything is published ({@link SubmissionReservations}): a
 * retry saying the same gets the same appeal, one saying something else gets 422, even when both race. A retry is
 * answered as the first was when the appeal's status view exists (only Kafka's acknowledgement makes one), else the
 * same event is published again.
 * Without a key nothing is written before Kafka, so MongoDB is never needed to accept such an appeal.
 */
@Service
public class SubmissionService {

    public static final String RECEIVED_METER = "appeals.received";
    private static final Logger log = LoggerFactory.getLogger(SubmissionService.class);

    private final AppealValidator validator;
    private final EventPublisher publisher;
    private final SubmissionReservations reservations;
    private final AppealStatusStore statusStore;
    private final CitizenSecrets secrets;
    private final AdmissionGate admission;
    private final LegalClock legalClock;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int answerWorkingDays;
    private final Duration retryAfter;

    public SubmissionService(CategoryCatalog categories, EventPublisher publisher, SubmissionReservations reservations,
            AppealStatusStore statusStore, CitizenSecrets secrets, AdmissionGate admission, LegalClock legalClock, Clock clock,
            MeterRegistry meters, IntakeProperties properties) {
        this.validator = new AppealValidator(categories.codes());
        this.publisher = publisher;
        this.reservations = reservations;
        this.statusStore = statusStore;
        this.secrets = secrets;
        this.admission = admission;
        this.legalClock = legalClock;
        this.clock = clock;
        this.meters = meters;
        this.answerWorkingDays = properties.answerWorkingDays();
        this.retryAfter = properties.brokerRetryAfter();
    }

    public SubmissionReceipt submit(String channel, String idempotencyKey, AppealRequest request) {
        if (idempotencyKey != null && !AppealValidator.isPrintableId(idempotencyKey)) {
            throw new ApiException(ProblemType.VALIDATION_FAILED,
                    List.of(FieldViolation.of("Idempotency-Key", "id-format", AppealValidator.ID_MAX)));
        }
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as precise as MongoDB keeps it
        List<FieldViolation> violations = validator.violations(request, LocalDate.ofInstant(receivedAt, legalClock.zone()));
        if (!violations.isEmpty()) {
            throw new ApiException(ProblemType.VALIDATION_FAILED, violations);
        }
        try (AdmissionGate.Admission admitted = admission.enter()) {
            return accept(channel, idempotencyKey, request, receivedAt, admitted);
        }
    }

    /** Reserves (with a key), publishes and records a valid appeal; 202 only after Kafka's acknowledgement. */
    private SubmissionReceipt accept(String channel, String idempotencyKey, AppealRequest request, Instant receivedAt,
            AdmissionGate.Admission admitted) {
        String appealId = appealId(channel, idempotencyKey, request);
        AppealSubmitted event = toEvent(channel, appealId, request, receivedAt);
        boolean replayed = false;
        if (idempotencyKey != null || request.externalId() != null) {
            String fingerprint = ContentFingerprint.of(event);
            Reservation held = reserve(appealId, fingerprint, receivedAt, admitted);
            if (!held.fingerprint().equals(fingerprint)) {
                throw new ApiException(ProblemType.IDEMPOTENCY_KEY_REUSED);
            }
            if (held.heldBefore()) {
                Optional<AppealStatusView> known = knownAppeal(appealId, admitted);
                if (known.isPresent()) {
                    return replay(held, known.get());
                }
                // Not known to be on Kafka (a concurrent first try, or one whose send failed): publish the same event
                // again, under the same event id, which consumers keep once.
                replayed = true;
                event = toEvent(channel, appealId, request, held.receivedAt());
            }
        }
        publisher.publish(Topics.APPEALS_SUBMITTED, appealId, appealId, EventTypes.APPEAL_SUBMITTED, event);
        if (!replayed) {
            meters.counter(RECEIVED_METER, "channel", channel, "type", event.type().name()).increment();
        }
        // The appeal is safe on Kafka now. The view lets the status be read at once, and tells a retry of the same key
        // that Kafka took the appeal. The 202 waits for it no longer than the answer's due time; a write still running
        // then finishes on its own (AdmissionGate bounds how many may), and if it fails the projection makes the view.
        AppealSubmitted acknowledged = event;
        admitted.writeUntilDue(() -> recordInView(acknowledged));
        return new SubmissionReceipt(appealId, event.trackingCode(), AppealStatus.SUBMITTED, event.receivedAt(),
                event.registeredAt(), event.deadline(), secrets.secretOf(appealId), replayed);
    }

    private static String appealId(String channel, String idempotencyKey, AppealRequest request) {
        if (idempotencyKey != null) {
            return AppealIds.fromIdempotencyKey(channel, idempotencyKey);
        }
        if (request.externalId() != null) {
            return AppealIds.fromExternalId(channel, request.externalId());
        }
        return AppealIds.random();
    }

    private AppealSubmitted toEvent(String channel, String appealId, AppealRequest request, Instant receivedAt) {
        Instant registeredAt = legalClock.registeredAt(receivedAt);
        String text = request.text().strip();
        Language language = request.language() != null ? request.language() : LanguageDetector.detect(text);
        boolean anonymous = request.isAnonymous();
        return new AppealSubmitted(appealId, AppealIds.trackingCode(appealId), channel, request.externalId(),
                request.type(), request.subject(), text, language, request.language() == null, request.categoryHint(),
                anonymous,
                anonymous ? null : request.citizen(), // an anonymous appeal carries no identity, whatever was sent
                request.location(), request.attachments() == null ? List.of() : request.attachments(),
                receivedAt, registeredAt, legalClock.deadline(registeredAt, answerWorkingDays),
                anonymous ? null : secrets.secretOf(appealId)); // only for the first notification; anonymous ones get none
    }

    /**
     * Without the reservation an idempotent appeal is not published at all: a lost race would lose an appeal. One not
     * written by the answer's due time is refused as overloaded; written later, it holds nothing published, so a retry
     * publishes.
     */
    private Reservation reserve(String appealId, String fingerprint, Instant receivedAt, AdmissionGate.Admission admitted) {
        try {
            return admitted.beforeDue(() -> reservations.reserve(appealId, fingerprint, receivedAt));
        } catch (DataAccessException e) {
            log.warn("Idempotency reservation of appeal {} failed; answering 503: {}", appealId, e.toString());
            throw ApiException.retryLater(ProblemType.SERVICE_UNAVAILABLE, retryAfter);
        }
    }

    /** An appeal Kafka already acknowledged: answered as then, with what the status view knows by now. */
    private SubmissionReceipt replay(Reservation held, AppealStatusView known) {
        Instant registeredAt = legalClock.registeredAt(held.receivedAt());
        Instant deadline = known.currentDeadline() != null ? known.currentDeadline()
                : legalClock.deadline(registeredAt, answerWorkingDays);
        return new SubmissionReceipt(held.appealId(), AppealIds.trackingCode(held.appealId()), known.status(),
                held.receivedAt(), registeredAt, deadline, secrets.secretOf(held.appealId()), true);
    }

    /**
     * Whether an appeal submitted under this channel's key is known to be on Kafka: its status view exists (made after
     * the acknowledgement, or by the projection of any of its events). False says only "not known": the send may be
     * under way, or have landed unconfirmed, or the store may not answer.
     */
    public boolean isKnownAccepted(String channel, String idempotencyKey) {
        try {
            return statusStore.findById(AppealIds.fromIdempotencyKey(channel, idempotencyKey)).isPresent();
        } catch (DataAccessException e) {
            log.warn("Status view unavailable to tell whether a keyed submission was accepted: {}", e.toString());
            return false;
        }
    }

    /**
     * The appeal's status view, which exists only once Kafka acknowledged the appeal: intake writes it after the
     * acknowledgement, and the projection from the topics. Without it (not yet written, not read by the answer's due
     * time, or the store failing) the appeal is published again, which costs a duplicate that consumers drop, never a
     * lost appeal. Not a refusal: an earlier request may have sent the appeal, and "nothing was sent" would be wrong.
     */
    private Optional<AppealStatusView> knownAppeal(String appealId, AdmissionGate.Admission admitted) {
        try {
            return admitted.resultBeforeDue(() -> statusStore.findById(appealId)).flatMap(view -> view);
        } catch (DataAccessException e) {
            log.warn("Status view unavailable for appeal {}; publishing it again: {}", appealId, e.toString());
            return Optional.empty();
        }
    }

    /** After the acknowledgement; if this write fails, the projection of the same event makes it later. */
    private void recordInView(AppealSubmitted event) {
        try {
            statusStore.applySubmitted(event);
        } catch (RuntimeException e) {
            log.warn("Status view not updated for appeal {} yet; the projection will catch up: {}",
                    event.appealId(), e.getMessage());
        }
    }
}
