package dev.dragoman.gateway.outbox;

import java.time.Instant;

/** A row of the outbox, as the admin API and the delivery worker see it. */
public record DeliveryRecord(long id, String kind, String source, String eventId, String type, String sagaId, String receiver,
        String endpoint, DeliveryStatus status, int attempts, Instant nextAttemptAt, String lastError, Instant deadline, Instant createdAt,
        Instant finishedAt) {
}
