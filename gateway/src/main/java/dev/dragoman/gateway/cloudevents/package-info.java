/**
 * The CloudEvents format as Dragoman reads and writes it: the strict readers of published events
 * (HTTP and Kafka, structured and binary mode), the writer of the copies and of Dragoman's own
 * events, and the extension names they carry. A leaf: intake reads with it and sagas write with
 * it, so neither has to depend on the other for the format, and the outbox stores only bytes.
 */
package dev.dragoman.gateway.cloudevents;
