package kz.hearingstate.routing.workbench;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import kz.hearingstate.events.ActionType;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.Attachment;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.routing.Reason;
import kz.hearingstate.routing.directory.Department;

/**
 * Everything the appeal page shows. {@code sequence} goes back with every action, so an action on a page
 * that is out of date is refused; {@code actionId} makes a double submit apply once.
 */
public record AppealPage(
        AppealRow row,
        AppealSubmitted appeal,
        Contact contact,
        List<Event> history,
        List<Reply> replies,
        Feedback feedback,
        long sequence,
        Set<ActionType> actions,
        List<Department> otherDepartments,
        List<WorkbenchProperties.AnswerTemplate> templates,
        String extensionCap,
        LocalDate extensionCapDate,
        String registeredAt,
        String actionId) {

    public boolean can(String action) {
        return actions.contains(ActionType.valueOf(action));
    }

    /** The citizen's contact, masked unless the role may see it. */
    public record Contact(String name, String iin, String phone, String email, String preferred, boolean masked) {
    }

    /** The citizen's answer to a request for information, with what they attached. */
    public record Reply(String text, List<Attachment> attachments, String at) {
    }

    /** The citizen's last rating of the answer, with the comment if any; null until the citizen rated. */
    public record Feedback(int rating, boolean solved, String comment, String at) {
    }

    /**
     * @param reason        why, worded in the page's language by {@code @historyReasons}
     * @param forwardedLate a forward to an outside body after the legal limit for forwarding (APPK: 3 working days)
     */
    public record Event(long sequence, String at, LifecycleType type, AppealStatus status, String department,
            String actor, Reason reason, String answer, String forwardedTo, boolean forwardedLate) {
    }
}
