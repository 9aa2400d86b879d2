/**
 * Event intake (SPEC section 5): CloudEvents published to {@code POST /events} or read from
 * Kafka, checked, translated into every subscriber's model and stored with their copies in
 * the outbox, in one transaction. Depends on the outbox and sagas; neither depends on it.
 */
package dev.dragoman.gateway.intake;
