package kz.hearingstate.notification.delivery;

import java.time.Instant;
import java.util.Map;

import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.Language;
import kz.hearingstate.notification.template.MessageTemplate;
import kz.hearingstate.web.Hashing;

/**
 * One decision: tell {@code role} about {@code sourceEventId} by {@code channel} at {@code address}, or,
 * when {@code skipReason} is set, record why they are not told.
 *
 * @param intakeChannel the channel the appeal came through; its webhook receives WEBHOOK notifications
 * @param values        what the template's placeholders show, already formatted for the language
 * @param eventTime     when the fact happened; delivery latency is measured from it
 * @param confidential  the appeal is (or was) a confidential department's: operators see no content of it
 */
public record PlannedNotification(
        String sourceEventId,
        String appealId,
        String trackingCode,
        String intakeChannel,
        String externalId,
        MessageTemplate template,
        RecipientRole role,
        ContactChannel channel,
        String address,
        Language language,
        Map<String, String> values,
        Instant eventTime,
        String skipReason,
        boolean confidential) {

    /**
     * The notification's identity: the same event and recipient role always give the same id, so a redelivered or
     * replayed event finds its notification already recorded and sends nothing. Not the channel: a department's is the
     * directory's at planning time, and one that got an e-mail and has only a phone since must not get an SMS of the
     * same notice again (each event tells each role once, by one channel).
     */
    public String id() {
        return idOf(sourceEventId, role);
    }

    public boolean skipped() {
        return skipReason != null;
    }

    /** The skip reason of a notice withheld because the appeal is a confidential department's. */
    public static final String WITHHELD_CONFIDENTIAL = "confidential-department";

    /** Not sent because the appeal is a confidential department's and the recipient is not that department. */
    public boolean withheld() {
        return WITHHELD_CONFIDENTIAL.equals(skipReason);
    }

    public static String idOf(String sourceEventId, RecipientRole role) {
        return Hashing.sha256Hex(sourceEventId + "|" + role, 16);
    }
}
