/**
 * The outbox, at the bottom of the event side: the store of copies to deliver, their claims,
 * delivery over HTTP and Kafka with backoff until each copy's deadline, and the store's own time.
 * It knows nothing of intake or sagas: anything that wants a copy delivered puts an
 * {@link dev.dragoman.gateway.outbox.OutboxEntry} in it, in its own transaction, and anything
 * that must know how a copy finished (the sagas' deadline protocol) is a
 * {@link dev.dragoman.gateway.outbox.DeliveryListener}, told in the transaction that records it.
 */
package dev.dragoman.gateway.outbox;
