/**
 * What a department's service codes against: {@link dev.dragoman.kit.DragomanPublisher} to publish
 * an event in its own transaction, {@link dev.dragoman.kit.DragomanHandler} or
 * {@link dev.dragoman.kit.EventHandler} to take Dragoman's copies, and
 * {@link dev.dragoman.kit.UnsentEventHandler} to undo its own step when an event could not be sent,
 * {@link dev.dragoman.kit.SagaStep} and {@link dev.dragoman.kit.SagaInitiator} beans for its part in
 * sagas, and {@link dev.dragoman.kit.DragomanSagas} to start one.
 * Kept apart from the outbox and inbox machinery so that a service sees a handful of types and
 * nothing it has to wire.
 */
package dev.dragoman.kit;
