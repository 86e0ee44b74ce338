package kz.hearingstate.notification.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import kz.hearingstate.notification.NotificationProperties;
import kz.hearingstate.notification.delivery.NotificationStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/notifications?appealId=…} with {@code X-Operator-Key}: what was sent about an appeal,
 * to whom (masked), when, and how it ended. For the operator answering "I never got the SMS".
 */
@RestController
class NotificationQueryController {

    static final String OPERATOR_KEY_HEADER = "X-Operator-Key";

    private final NotificationStore store;
    private final byte[] operatorKey;

    NotificationQueryController(NotificationStore store, NotificationProperties properties) {
        this.store = store;
        this.operatorKey = properties.operatorKey().getBytes(StandardCharsets.UTF_8);
    }

    @GetMapping("/api/v1/notifications")
    List<NotificationView> forAppeal(@RequestHeader(name = OPERATOR_KEY_HEADER, required = false) String key,
            @RequestParam(required = false) String appealId) {
        if (key == null || !MessageDigest.isEqual(operatorKey, key.getBytes(StandardCharsets.UTF_8))) {
            throw new OperatorKeyRejectedException();
        }
        if (appealId == null || appealId.isBlank()) {
            throw new MissingAppealIdException();
        }
        return store.forAppeal(appealId.strip()).stream().map(NotificationView::of).toList();
    }

    static class OperatorKeyRejectedException extends RuntimeException {
    }

    static class MissingAppealIdException extends RuntimeException {
    }
}
