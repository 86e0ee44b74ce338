package kz.hearingstate.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.ContactMasks;
import kz.hearingstate.notification.privacy.Masking;
import kz.hearingstate.notification.template.MessageTemplates;
import kz.hearingstate.notification.template.RenderedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns decisions into stored notifications, rendered in the recipient's language and PENDING for the
 * delivery worker. Sending happens later, off the Kafka thread, so a slow or failing channel never holds
 * up a partition. A notification already recorded (same event, role and channel) is left as it is.
 */
@Component
public class NotificationRecorder {

    private static final Logger log = LoggerFactory.getLogger(NotificationRecorder.class);

    private final NotificationStore store;
    private final MessageTemplates templates;
    private final DeliveryWorker worker;
    private final Clock clock;

    public NotificationRecorder(NotificationStore store, MessageTemplates templates, DeliveryWorker worker, Clock clock) {
        this.store = store;
        this.templates = templates;
        this.worker = worker;
        this.clock = clock;
    }

    /** Records the planned notifications in one write, in order, and hands the new PENDING ones to the worker. */
    public void record(List<PlannedNotification> planned) {
        if (planned.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Notification> notifications = planned.stream().map(plan -> toNotification(plan, now)).toList();
        Set<String> inserted = new HashSet<>(store.insertAllNew(notifications));
        List<Notification> toSend = new ArrayList<>();
        int notSent = 0;
        for (int index = 0; index < notifications.size(); index++) {
            Notification notification = notifications.get(index);
            PlannedNotification plan = planned.get(index);
            if (inserted.remove(notification.id())) { // once, though a batch may carry an event twice
                if (notification.status() == NotificationStatus.PENDING) {
                    toSend.add(notification);
                }
                // Not the appeal, and nothing of a notice not sent: one withheld from the akim's office would tie
                // the appeal to a confidential department, and its id follows from the appeal's id. The store keeps why.
                if (plan.skipped()) {
                    notSent++;
                } else {
                    log.debug("Recorded notification {} {}: {} by {}", notification.id(), notification.template(),
                            notification.recipientRole(), notification.channel());
                }
            } else {
                log.debug("A notification of event {} was recorded before; not sending it again", plan.sourceEventId());
            }
        }
        if (notSent > 0) {
            log.debug("Recorded {} notifications not to be sent", notSent);
        }
        if (!toSend.isEmpty()) {
            worker.submit(toSend);
        }
    }

    private Notification toNotification(PlannedNotification plan, Instant now) {
        RenderedMessage rendered = templates.render(plan.template(), plan.language(), plan.values());
        // Withheld from a recipient who may not know of the appeal: nothing of it is written down either.
        RenderedMessage message = plan.withheld() ? new RenderedMessage(rendered.language(), null, null) : rendered;
        NotificationStatus status = plan.skipped() ? NotificationStatus.SKIPPED : NotificationStatus.PENDING;
        if (status == NotificationStatus.SKIPPED) {
            // Never to be sent: kept, like a sent one, without the private link's secret.
            message = new RenderedMessage(message.language(), Masking.withoutAccessSecrets(message.subject()),
                    Masking.withoutAccessSecrets(message.body()));
        }
        return new Notification(plan.id(), plan.appealId(), plan.trackingCode(), plan.sourceEventId(),
                plan.template().fileName(), plan.role(), plan.channel(), plan.address(),
                mask(plan.channel(), plan.address()), plan.intakeChannel(), plan.externalId(), message.language(),
                message.subject(), message.body(), status, 0, status == NotificationStatus.PENDING ? now : null,
                plan.eventTime(), now, null, null, plan.skipReason(), status == NotificationStatus.SKIPPED,
                plan.confidential(), null);
    }

    static String mask(ContactChannel channel, String address) {
        return switch (channel) {
            case EMAIL -> ContactMasks.email(address);
            case SMS -> ContactMasks.phone(address);
            // The channel's callback URL is the channel's, not the citizen's.
            case WEBHOOK -> "webhook";
            case NONE -> null;
        };
    }
}
