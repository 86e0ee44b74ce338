package kz.hearingstate.routing.workflow;

import java.time.Instant;
import java.util.List;

import kz.hearingstate.events.Attachment;

/**
 * The citizen's answer to a request for information, as the department reads it (the workbench, its API view).
 *
 * @param department the department that asked, which held the appeal then: a reply given to a confidential one is
 *                   that department's alone, as its part of the history is
 * @param text       the citizen's own words; the responsible department's only, like the appeal's text
 */
public record CitizenReply(String replyId, String department, String text, List<Attachment> attachments, Instant at) {

    public CitizenReply {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
