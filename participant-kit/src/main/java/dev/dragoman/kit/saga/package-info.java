/**
 * Saga steps on the participant's side: running a step in the inbox transaction and publishing its
 * report through the outbox, keeping every completed step's deadline durably, and the deadline
 * watchdog that rolls a step back on its own when the saga's {@code confirmed} outcome has not
 * come by then. Kept apart from the inbox and the outbox, which it reaches only through the kit's
 * public types, so that a simulation can drive it with a virtual clock and no HTTP.
 */
package dev.dragoman.kit.saga;
