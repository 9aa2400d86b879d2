/**
 * The idempotent inbox: the endpoint Dragoman delivers copies to. Delivery is at least once and a
 * copy may come after its validity, so the inbox dedupes on {@code source} + {@code id} in the
 * service's own database, refuses a copy past its {@code expirytime}, and runs the handler in the
 * same transaction as the row that remembers the copy: handled and remembered, or neither.
 */
package dev.dragoman.kit.inbox;
