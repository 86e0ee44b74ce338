package kz.hearingstate.notification.template;

import kz.hearingstate.events.Language;

/** A template filled in: the language actually used (after fallback), the subject and the body. */
public record RenderedMessage(Language language, String subject, String body) {
}
