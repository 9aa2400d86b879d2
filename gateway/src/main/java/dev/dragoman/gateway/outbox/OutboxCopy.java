package dev.dragoman.gateway.outbox;

import java.time.Instant;

/**
 * A copy as the outbox listing shows it.
 *
 * @param id the copy's id, which POST /admin/outbox/resend takes
 * @param kind {@link OutboxEntry#COPY}, {@link OutboxEntry#OUTCOME} or {@link OutboxEntry#COMPENSATION}
 * @param attempts attempts made since it was queued or last re-sent
 * @param nextAttemptAt when it is tried next (pending and retrying copies; while an attempt is on, the end of its lease)
 * @param lastError why the last attempt failed; for a rejected copy the receiver's answer, for an expired one the deadline
 * @param resends how often an operator re-sent it
 */
public record OutboxCopy(long id, String kind, String source, String eventId, String type, String sagaId, String receiver,
        String endpoint, CopyStatus status, int attempts, Instant deadline, Instant nextAttemptAt, String lastError, Instant createdAt,
        Instant finishedAt, int resends) {
}
