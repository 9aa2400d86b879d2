/**
 * Sagas (SPEC section 6): the state machine, a pure function of (saga, state, input, now) that
 * the stores only persist, and the negation of compensations. Above the outbox, which delivers
 * their outcomes and compensations, and below intake, which starts them and reports to them: a
 * saga refuses with its own exceptions, and intake turns them into its problems.
 */
package dev.dragoman.gateway.saga;
