package kz.hearingstate.intake.identity;

import java.util.Arrays;

import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.web.Hashing;

/**
 * A one-way SHA-256 of what a channel said in an appeal (everything but ids, times and the detected
 * language). An idempotent retry must say the same; an Idempotency-Key reused for a different appeal
 * would otherwise silently swallow that appeal.
 */
public final class ContentFingerprint {

    private ContentFingerprint() {
    }

    public static String of(AppealSubmitted appeal) {
        String content = Arrays.asList(appeal.channel(), appeal.externalId(), appeal.type(), appeal.subject(), appeal.text(),
                appeal.categoryHint(), appeal.anonymous(), appeal.citizen(), appeal.location(), appeal.attachments()).toString();
        return Hashing.sha256Hex(content);
    }
}
