package dev.dragoman.rules.model;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * An HTTP lookup service for identifiers that no table holds, and the bounds of the cache
 * in front of it.
 *
 * @param negativeTtl how long an "unknown" answer is remembered
 */
public record ResolverSpec(URI url, Duration timeout, long maximumSize, Duration ttl, Duration negativeTtl) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final long DEFAULT_MAXIMUM_SIZE = 100_000;
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);
    public static final Duration DEFAULT_NEGATIVE_TTL = Duration.ofSeconds(30);

    public ResolverSpec {
        Objects.requireNonNull(url, "url");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        ttl = ttl == null ? DEFAULT_TTL : ttl;
        negativeTtl = negativeTtl == null ? DEFAULT_NEGATIVE_TTL : negativeTtl;
        if (maximumSize <= 0) {
            throw new IllegalArgumentException("maximum-size must be positive but was " + maximumSize);
        }
    }
}
