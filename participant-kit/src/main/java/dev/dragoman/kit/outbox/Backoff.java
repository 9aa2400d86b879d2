package dev.dragoman.kit.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When to try again after a failed attempt: {@code firstRetry} after the first, twice as long after
 * each further one, at most {@code maxRetry}, with up to half of each wait taken away at random so
 * that services coming back do not all hit the gateway at once. A longer {@code Retry-After} wins.
 * Never past the deadline: at the deadline the row is taken once more, and expires.
 */
public record Backoff(Duration firstRetry, Duration maxRetry, RandomGenerator random) {

    public Instant nextAttempt(Instant now, int attemptsMade, Duration retryAfter, Instant deadline) {
        long first = firstRetry.toMillis();
        long wait = maxRetry.toMillis();
        int doublings = Math.max(0, attemptsMade - 1);
        if (doublings < 62 && first <= (maxRetry.toMillis() >> Math.min(doublings, 62))) {
            wait = Math.min(wait, first << doublings);
        }
        wait -= wait > 1 ? random.nextLong(wait / 2 + 1) : 0;
        if (retryAfter != null && retryAfter.toMillis() > wait) {
            wait = retryAfter.toMillis();
        }
        Instant next = now.plusMillis(wait);
        return next.isAfter(deadline) ? deadline : next;
    }
}
