package dev.dragoman.gateway.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Told when a copy is finished for good, inside the transaction that records it, so that what the
 * listener stores commits with the delivery record or not at all (and the copy is then sent again
 * after its lease). This is how the sagas, which sit above the outbox, learn that a receiver
 * acknowledged or refused their outcome: the outbox knows nothing of sagas.
 */
public interface DeliveryListener {

    /** The receiver took the copy: an HTTP 2xx, or the Kafka broker's acknowledgement (not the consumer's). */
    void delivered(FinishedCopy copy);

    /** The outbox gave up on the copy: the receiver rejected it ({@link DeliveryStatus#REJECTED}), or its deadline passed ({@link DeliveryStatus#EXPIRED}). */
    void refused(FinishedCopy copy);

    /** One listener telling each of several, in order. */
    static DeliveryListener all(List<DeliveryListener> listeners) {
        List<DeliveryListener> each = List.copyOf(listeners);
        return new DeliveryListener() {
            @Override
            public void delivered(FinishedCopy copy) {
                each.forEach(listener -> listener.delivered(copy));
            }

            @Override
            public void refused(FinishedCopy copy) {
                each.forEach(listener -> listener.refused(copy));
            }
        };
    }

    /**
     * A copy as it finished.
     *
     * @param kind {@link OutboxEntry#COPY}, {@link OutboxEntry#OUTCOME} or {@link OutboxEntry#COMPENSATION}
     * @param sagaId the copy's sagaid, or null
     * @param status delivered, rejected or expired
     * @param error why it was rejected or expired, or null when delivered
     * @param at when the outbox recorded it
     */
    record FinishedCopy(String kind, String sagaId, String type, String receiver, DeliveryStatus status, String error, Instant at) {
        public FinishedCopy {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(receiver, "receiver");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(at, "at");
        }
    }
}
