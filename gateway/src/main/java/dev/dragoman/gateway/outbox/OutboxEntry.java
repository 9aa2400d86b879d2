package dev.dragoman.gateway.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One copy to deliver, as the outbox holds it.
 *
 * @param kind {@code copy} (a subscriber's copy of a published event), {@code outcome} or {@code compensation}
 * @param payload the whole CloudEvent in the JSON event format, as it will be sent
 * @param deadline after this instant the copy is not delivered any more
 */
public record OutboxEntry(String kind, String source, String eventId, String type, String sagaId, String receiver, String endpoint,
        byte[] payload, Instant deadline) {

    public static final String COPY = "copy";
    public static final String OUTCOME = "outcome";
    public static final String COMPENSATION = "compensation";

    public OutboxEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(deadline, "deadline");
    }
}
