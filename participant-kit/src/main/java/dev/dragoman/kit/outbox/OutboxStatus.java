package dev.dragoman.kit.outbox;

/** Where an outbox row is: every row ends {@code SENT}, {@code REJECTED} or {@code EXPIRED}. */
public enum OutboxStatus {
    PENDING, SENT, REJECTED, EXPIRED
}
