package kz.hearingstate.intake.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import kz.hearingstate.events.AppealSubmitted;

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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
