package dev.dragoman.gateway.outbox;

/** Where a copy stands: every copy ends delivered, rejected or expired (SPEC section 5). */
public enum DeliveryStatus {
    /** Not delivered yet; retried until its deadline. */
    PENDING,
    /** The receiver took it: an HTTP 2xx, or the Kafka broker's acknowledgement. */
    DELIVERED,
    /** A permanent refusal: an HTTP 4xx other than 408 and 429 (or a redirect), or a Kafka error that no retry cures. */
    REJECTED,
    /** The deadline passed before the receiver took it. */
    EXPIRED
}
