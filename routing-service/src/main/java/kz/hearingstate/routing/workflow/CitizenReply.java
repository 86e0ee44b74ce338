package kz.hearingstate.routing.workflow;

import java.time.Instant;
import java.util.List;

import kz.hearingstate.events.Attachment;

/**
 * The citizen's answer to a request for information, as the department reads it (the workbench, its API view).
 *
 * @param text the citizen's own words; the responsible department's only, like the appeal's text
 */
public record CitizenReply(String replyId, String text, List<Attachment> attachments, Instant at) {

    public CitizenReply {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
