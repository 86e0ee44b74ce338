package kz.hearingstate.intake.submission;

import java.time.Clock;
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
import kz.hearingstate.intake.identity.ContentFingerprint;
import kz.hearingstate.intake.status.AppealStatusStore;
import kz.hearingstate.intake.status.AppealStatusView;
import kz.hearingstate.messaging.EventPublisher;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.FieldViolation;
import kz.hearingstate.web.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Accepts an appeal exactly once. Kafka first: nothing is written anywhere before the broker
 * acknowledged {@code appeal.submitted.v1}; only then does the status view learn of it (a write the
 * projection repeats anyway). With an idempotency key, the appealId is fixed by channel and key, and a
 * retry of an appeal the view already holds is answered from the view without a second event, provided
 * it says the same (422 when the key was reused for a different appeal).
 */
@Service
public class SubmissionService {

    public static final String RECEIVED_METER = "appeals.received";
    private static final Logger log = LoggerFactory.getLogger(SubmissionService.class);

    private final AppealValidator validator;
    private final EventPublisher publisher;
    private final AppealStatusStore statusStore;
    private final LegalClock legalClock;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int answerWorkingDays;

    public SubmissionService(CategoryCatalog categories, EventPublisher publisher, AppealStatusStore statusStore,
            LegalClock legalClock, Clock clock, MeterRegistry meters, IntakeProperties properties) {
        this.validator = new AppealValidator(categories.codes());
        this.publisher = publisher;
        this.statusStore = statusStore;
        this.legalClock = legalClock;
        this.clock = clock;
        this.meters = meters;
        this.answerWorkingDays = properties.answerWorkingDays();
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
        String appealId = appealId(channel, idempotencyKey, request);
        AppealSubmitted event = toEvent(channel, appealId, request, receivedAt);
        boolean idempotent = idempotencyKey != null || request.externalId() != null;
        if (idempotent) {
            Optional<AppealStatusView> known = knownAppeal(appealId);
            if (known.isPresent() && known.get().receivedAt() != null) {
                return replay(known.get(), event);
            }
        }
        publisher.publish(Topics.APPEALS_SUBMITTED, appealId, appealId, EventTypes.APPEAL_SUBMITTED, event);
        meters.counter(RECEIVED_METER, "channel", channel, "type", event.type().name()).increment();
        recordInView(event);
        return new SubmissionReceipt(appealId, event.trackingCode(), AppealStatus.SUBMITTED, event.receivedAt(),
                event.registeredAt(), event.deadline(), false);
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
                receivedAt, registeredAt, legalClock.deadline(registeredAt, answerWorkingDays));
    }

    private static SubmissionReceipt replay(AppealStatusView known, AppealSubmitted retry) {
        if (known.contentFingerprint() != null && !known.contentFingerprint().equals(ContentFingerprint.of(retry))) {
            throw new ApiException(ProblemType.IDEMPOTENCY_KEY_REUSED);
        }
        return new SubmissionReceipt(known.appealId(), known.trackingCode(), known.status(), known.receivedAt(),
                known.registeredAt(), known.currentDeadline(), true);
    }

    /** After the acknowledgement; if this write fails, the projection of the same event makes it later. */
    /**
     * The status view's copy of a retried appeal. When MongoDB cannot answer, the appeal is published again
     * instead of failing: its id is derived from the idempotency key, every consumer dedupes by it, and the
     * view keeps the first submission's times. Only the check that a reused key carries the same content is
     * skipped then. The driver's wait is bounded in MongoConfig, so MongoDB being down never holds a request.
     */
    private Optional<AppealStatusView> knownAppeal(String appealId) {
        try {
            return statusStore.findById(appealId);
        } catch (RuntimeException e) {
            log.warn("Status view unavailable for appeal {}; publishing again, consumers dedupe by id: {}",
                    appealId, e.toString());
            return Optional.empty();
        }
    }

    private void recordInView(AppealSubmitted event) {
        try {
            statusStore.applySubmitted(event);
        } catch (RuntimeException e) {
            log.warn("Status view not updated for appeal {} yet; the projection will catch up: {}",
                    event.appealId(), e.getMessage());
        }
    }
}
