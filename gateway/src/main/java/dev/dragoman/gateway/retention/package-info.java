/**
 * Retention: the event store forgets ended sagas, finished copies and old events after a
 * configured time, a small batch per transaction, one gateway at a time when several share a
 * database. Without it the store only grows, and the admin views and the console read ever more
 * history that nobody looks at (docs/EVENTS.md, "Retention").
 */
package dev.dragoman.gateway.retention;
