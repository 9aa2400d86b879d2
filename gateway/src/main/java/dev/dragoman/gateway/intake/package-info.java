/**
 * Event intake (SPEC section 5): CloudEvents published to {@code POST /events} or read from
 * Kafka come in through one front door (limits, reading, refusals), are planned as a pure
 * function of model, event and time ({@link dev.dragoman.gateway.intake.EventPlan}), and the
 * plan is stored in one transaction: the ledger row, the copies in the outbox, the saga's start
 * or report. At the top of the event side: it depends on the outbox and sagas; neither on it.
 */
package dev.dragoman.gateway.intake;
