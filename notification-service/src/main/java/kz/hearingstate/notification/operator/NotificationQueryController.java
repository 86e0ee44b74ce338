package kz.hearingstate.notification.operator;

import java.util.List;

import kz.hearingstate.notification.delivery.Notification;
import kz.hearingstate.notification.delivery.NotificationStore;
import kz.hearingstate.web.problem.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/notifications?appealId=…} with an operator's {@code X-Api-Key} (checked by appeal-web's
 * filter before this runs): what was sent about an appeal, to whom (masked), when, and how it ended. For the
 * operator answering "I never got the SMS". Of an appeal of a confidential department it shows no subject,
 * body or recipient.
 */
@RestController
class NotificationQueryController {

    private final NotificationStore store;

    NotificationQueryController(NotificationStore store) {
        this.store = store;
    }

    @GetMapping("/api/v1/notifications")
    List<NotificationView> forAppeal(@RequestParam(required = false) String appealId) {
        if (appealId == null || appealId.isBlank()) {
            throw ApiException.invalid("appealId", "required");
        }
        List<Notification> notifications = store.forAppeal(appealId.strip());
        // One confidential notification makes the whole appeal confidential (the registration came before
        // routing named the department): operators then see what happened, never what was said.
        boolean confidential = notifications.stream().anyMatch(Notification::confidential);
        return notifications.stream().map(n -> confidential ? NotificationView.withoutContent(n) : NotificationView.of(n))
                .toList();
    }
}
