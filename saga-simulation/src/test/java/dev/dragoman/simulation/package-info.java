/**
 * A deterministic simulation of the saga deadline protocol (presumed abort): the gateway's real
 * {@code SagaMachine} as coordinator, the participant kit's real {@code StepMachine} as every
 * participant and the initiator, and between them a network that drops, delays, duplicates and
 * reorders, partitions that heal, clocks apart by up to the allowance (and, in some runs, beyond),
 * and processes that crash and restart with their durable rows. Virtual time and one seeded random
 * source per run make every run replayable from its seed; the invariant is checked when a run has
 * nothing left to do. It exists because the protocol's promise (all kept or all undone, under any
 * of these) is about interleavings no example test enumerates.
 */
package dev.dragoman.simulation;
