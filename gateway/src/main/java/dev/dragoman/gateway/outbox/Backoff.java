package dev.dragoman.gateway.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Waits between delivery attempts: exponential from {@code first}, capped at {@code max}, with
 * jitter so that receivers coming back are not hit by every sender at once.
 *
 * <p>Written here rather than taken from Reactor's {@code Retry.backoff}: these retries outlive
 * the process (the next attempt is a time stored in the outbox), which an in-memory retry
 * operator cannot express.
 */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("first retry must be positive but was " + first);
        }
        if (max.compareTo(first) < 0) {
            throw new IllegalArgumentException("max retry " + max + " is shorter than the first retry " + first);
        }
    }

    /**
     * The wait after the {@code attempt}-th failed attempt (counted from 1).
     *
     * @param random a value in [0, 1): the jitter, which takes up to half of the wait away
     */
    public Duration after(int attempt, double random) {
        long firstMillis = first.toMillis();
        int doublings = Math.min(Math.max(attempt - 1, 0), 40);
        long exponential = firstMillis > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : firstMillis << doublings;
        long capped = Math.min(exponential, max.toMillis());
        return Duration.ofMillis(capped - (long) (capped * 0.5 * random));
    }
}
