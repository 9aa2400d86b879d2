package dev.dragoman.gateway.events;

/** Where a copy stands: every copy ends delivered, rejected or expired (SPEC section 5). */
public enum DeliveryStatus {
    /** Not delivered yet; retried until its deadline. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** The receiver answered a 4xx other than 408 and 429 (or a redirect): a permanent refusal. */
    REJECTED,
    /** The deadline passed before the receiver took it. */
    EXPIRED
}
