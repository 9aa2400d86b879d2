package dev.dragoman.gateway.outbox;

import java.time.Duration;
import java.util.List;

/**
 * A page of the outbox listing, with the backlog at its head.
 *
 * @param depth copies not finished yet (pending and retrying), in the whole outbox
 * @param oldestPendingAge how long the oldest of them has waited, or null when none waits
 * @param copies the page, newest first
 * @param next the cursor of the next page ({@link OutboxQuery#after}), or null on the last page
 */
public record OutboxPage(long depth, Duration oldestPendingAge, List<OutboxCopy> copies, Long next) {
}
