/**
 * The local outbox: events written in the service's transactions and a relay that sends them to
 * Dragoman's {@code POST /events}. It exists because a service cut off from the gateway must still
 * be able to commit its work and publish later, and because an event must never arrive after its
 * deadline: the relay retries with backoff until then, and afterwards hands the event to the
 * service's {@link dev.dragoman.kit.UnsentEventHandler} hooks instead.
 */
package dev.dragoman.kit.outbox;
