/**
 * The outbox, at the bottom of the event side: the store of copies to deliver, their claims,
 * delivery over HTTP and Kafka with backoff until each copy's deadline, and the store's own time.
 * It knows nothing of intake or sagas: anything that wants a copy delivered puts an
 * {@link dev.dragoman.gateway.outbox.OutboxEntry} in it, in its own transaction.
 */
package dev.dragoman.gateway.outbox;
