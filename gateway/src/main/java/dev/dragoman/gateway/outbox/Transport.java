package dev.dragoman.gateway.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One way of handing a copy to its receiver, chosen by the scheme of the copy's endpoint
 * ({@code http}, {@code kafka}). A transport only sends and classifies the answer; the
 * {@link DeliveryWorker} owns claiming, retries, deadlines and the record of each attempt.
 */
public interface Transport extends AutoCloseable {

    /** The endpoint schemes this transport sends to, lower case. */
    Set<String> schemes();

    /**
     * Sends the copy; the future never completes exceptionally, every failure is an {@link Answer}.
     *
     * @param timeout the longest wait for the receiver's answer (shorter than the lease, and than what is left to the deadline)
     */
    CompletableFuture<Answer> send(EventStore.Claimed copy, Duration timeout);

    /**
     * {@link #send(EventStore.Claimed, Duration)} with the W3C trace headers of the delivery's span
     * ({@code traceparent}, {@code tracestate}: {@link TracedTransport}), which a transport that has
     * headers sends with the copy; the others ignore them.
     */
    default CompletableFuture<Answer> send(EventStore.Claimed copy, Duration timeout, Map<String, String> traceHeaders) {
        return send(copy, timeout);
    }

    @Override
    default void close() {
    }

    /**
     * What became of one attempt.
     *
     * @param retryAfter a wait the receiver asked for, or null
     */
    record Answer(DeliveryStatus status, String error, Duration retryAfter) {

        public Answer {
            Objects.requireNonNull(status, "status");
            if (status == DeliveryStatus.EXPIRED) {
                throw new IllegalArgumentException("a transport answers delivered, pending (retry) or rejected, not " + status);
            }
        }

        public static Answer delivered() {
            return new Answer(DeliveryStatus.DELIVERED, null, null);
        }

        /** Not now: sent again after the backoff, or {@code retryAfter} if that is longer. */
        public static Answer retry(String error, Duration retryAfter) {
            return new Answer(DeliveryStatus.PENDING, error, retryAfter);
        }

        /** Never: the receiver will not take this copy, so trying again would only repeat the refusal. */
        public static Answer rejected(String error) {
            return new Answer(DeliveryStatus.REJECTED, error, null);
        }
    }
}
