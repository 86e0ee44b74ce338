package kz.hearingstate.notification.delivery;

import kz.hearingstate.events.ContactChannel;

/** One way of reaching a recipient: e-mail, SMS or webhook. */
public interface DeliveryChannel {

    ContactChannel channel();

    /**
     * Sends, and returns only once the other side accepted the message.
     *
     * @throws DeliveryFailedException when it did not; {@link DeliveryFailedException#permanent()} says a retry is pointless
     */
    void deliver(OutgoingMessage message) throws DeliveryFailedException;
}
