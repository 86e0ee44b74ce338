package kz.hearingstate.notification.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Sends several messages one after another, in the given order, each as {@link #deliver} would. A channel
     * that can carry them over one connection overrides this; the others send them one at a time.
     *
     * @return why each message that was not accepted failed, by its position in {@code messages}
     */
    default Map<Integer, DeliveryFailedException> deliverAll(List<OutgoingMessage> messages) {
        Map<Integer, DeliveryFailedException> failures = new HashMap<>();
        for (int position = 0; position < messages.size(); position++) {
            try {
                deliver(messages.get(position));
            } catch (DeliveryFailedException e) {
                failures.put(position, e);
            } catch (RuntimeException e) {
                failures.put(position, DeliveryFailedException.transientFailure(String.valueOf(e.getMessage()), e));
            }
        }
        return failures;
    }
}
