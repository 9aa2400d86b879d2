package dev.dragoman.departments.payment;

import java.time.Instant;

/**
 * A line of the payment ledger: a capture (+amount) or a refund (-amount). Deltas, never totals, so that a refund
 * undoes exactly its capture whatever else was booked in between.
 *
 * @param kind {@code capture} or {@code refund}
 */
public record LedgerEntry(long entry, String sagaId, String kind, long amount, Instant at) {
}
