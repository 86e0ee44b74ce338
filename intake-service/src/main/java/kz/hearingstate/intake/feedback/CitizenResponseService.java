package kz.hearingstate.intake.feedback;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoException;

import kz.hearingstate.events.AppealFeedback;
import kz.hearingstate.events.Attachment;
import kz.hearingstate.events.CitizenReplied;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Topics;
import kz.hearingstate.intake.identity.AppealIds;
import kz.hearingstate.intake.identity.CitizenSecrets;
import kz.hearingstate.intake.status.AppealStatusStore;
import kz.hearingstate.intake.status.AppealStatusView;
import kz.hearingstate.intake.submission.AppealValidator;
import kz.hearingstate.messaging.EventPublisher;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.FieldViolation;
import kz.hearingstate.web.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * What the citizen says back: a rating once the appeal is answered, a reply while information is
 * requested. Each goes out on {@code appeals.feedback} with an id fixed by the appeal and the step it
 * answers, so a repeated click publishes the same fact, which consumers recognise. Once Kafka has it, the status view
 * marks the step done with a digest of what was sent: the same one sent again (a retry, a double click) goes out again
 * under the same id, while a different second reply or rating of the same step, which routing would drop as the same
 * fact, is refused as a conflict instead of being thanked for. The appeal comes already authorised
 * ({@code AppealLookup}): who may speak for the citizen is decided before anything else.
 */
@Service
public class CitizenResponseService {

    private static final Logger log = LoggerFactory.getLogger(CitizenResponseService.class);
    private static final int REPLY_MAX = 10_000;

    private final EventPublisher publisher;
    private final AppealStatusStore views;
    private final CitizenSecrets secrets;
    private final Clock clock;

    public CitizenResponseService(EventPublisher publisher, AppealStatusStore views, CitizenSecrets secrets, Clock clock) {
        this.publisher = publisher;
        this.views = views;
        this.secrets = secrets;
        this.clock = clock;
    }

    public String giveFeedback(AppealStatusView appeal, FeedbackRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.rating() == null || request.rating() < 1 || request.rating() > 5) {
            violations.add(FieldViolation.of("rating", "rating-range", 1, 5));
        }
        if (request.solved() == null) {
            violations.add(FieldViolation.of("solved", "required"));
        }
        String comment = comment(request.comment());
        if (comment != null && comment.codePointCount(0, comment.length()) > AppealFeedback.COMMENT_MAX) {
            violations.add(FieldViolation.of("comment", "length", 1, AppealFeedback.COMMENT_MAX));
        }
        requireValid(violations);
        String digest = secrets.digestOf(appeal.appealId(), "rating:" + appeal.answeredSequence(),
                request.rating() + "|" + request.solved() + "|" + lengthPrefixed(comment));
        if (!appeal.takesRating(digest)) {
            throw new ApiException(ProblemType.APPEAL_STATE_CONFLICT);
        }
        String feedbackId = AppealIds.derived(appeal.appealId(),
                "feedback:" + appeal.answeredSequence());
        publisher.publish(Topics.APPEALS_FEEDBACK, appeal.appealId(), feedbackId, EventTypes.APPEAL_FEEDBACK,
                new AppealFeedback(feedbackId, appeal.appealId(), appeal.trackingCode(), request.rating(),
                        request.solved(), comment(request.comment()), clock.instant()));
        markQuietly(() -> views.markRated(appeal.appealId(), appeal.answeredSequence(), digest), feedbackId);
        return feedbackId;
    }

    public String reply(AppealStatusView appeal, ReplyRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.text() == null || request.text().isBlank()) {
            violations.add(FieldViolation.of("text", "required"));
        } else if (request.text().strip().codePointCount(0, request.text().strip().length()) > REPLY_MAX) {
            violations.add(FieldViolation.of("text", "length", 1, REPLY_MAX));
        }
        violations.addAll(AppealValidator.attachmentViolations(request.attachments()));
        requireValid(violations);
        List<Attachment> attachments = request.attachments() == null ? List.of() : request.attachments();
        // Everything the event carries: the text, then each attachment whole (url, name, type).
        String digest = secrets.digestOf(appeal.appealId(), "reply:" + appeal.infoRequestedSequence(),
                lengthPrefixed(request.text().strip()) + "|" + attachments);
        if (!appeal.takesReply(digest)) {
            throw new ApiException(ProblemType.APPEAL_STATE_CONFLICT);
        }
        String replyId = AppealIds.derived(appeal.appealId(),
                "reply:" + appeal.infoRequestedSequence());
        publisher.publish(Topics.APPEALS_FEEDBACK, appeal.appealId(), replyId, EventTypes.CITIZEN_REPLIED,
                new CitizenReplied(replyId, appeal.appealId(), appeal.trackingCode(), request.text().strip(), attachments,
                        clock.instant()));
        markQuietly(() -> views.markReplied(appeal.appealId(), appeal.infoRequestedSequence(), digest), replyId);
        return replyId;
    }

    /**
     * The mark is the view's, after the fact went out: if the store fails it now, the citizen still gets the answer that
     * it went out (it did), and only the protection against a different second one is lost until routing's next event.
     */
    private static void markQuietly(Runnable mark, String eventId) {
        try {
            mark.run();
        } catch (MongoException | DataAccessException e) {
            log.warn("Sent {}, but could not mark its step done in the status view: {}", eventId, e.toString());
        }
    }

    /** The text with its length first, so that no text and what follows it can read as another text. */
    private static String lengthPrefixed(String text) {
        return text == null ? "-" : text.length() + ":" + text;
    }

    /** The citizen's words, stripped; none when blank. */
    private static String comment(String comment) {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }

    private static void requireValid(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new ApiException(ProblemType.VALIDATION_FAILED, violations);
        }
    }
}
