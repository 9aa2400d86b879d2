package dev.dragoman.kit.outbox;

import java.time.Instant;

/**
 * One event in the outbox.
 *
 * @param data     the event's data as JSON text
 * @param attempts how many sends were started so far
 */
public record OutboxEvent(String id, String type, String sagaId, Instant deadline, String data, Instant createdAt, int attempts) {
}
