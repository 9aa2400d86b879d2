/** The saga state machine, a pure function of (saga, state, input, now) that the stores only persist, and the negation of compensations. */
package dev.dragoman.gateway.saga;
