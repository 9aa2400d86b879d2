package dev.dragoman.rules.resolver;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A resolver that could not answer: it is down or unreachable, answered with an error, or with
 * something that is not an answer. Unlike a 404 this says nothing about the identifier, so it is
 * never cached: the next request asks again. (A resolver too slow fails with a
 * {@link java.util.concurrent.TimeoutException} instead.)
 */
public final class ResolverUnavailableException extends RuntimeException {

    private final String concept;
    private final String reason;
    private final Duration retryAfter;

    /**
     * @param concept whose resolver failed
     * @param reason what went wrong, fit to show a caller: no address, no identifier (e.g. {@code it answered 503})
     * @param retryAfter when the resolver said to ask again, or null
     * @param message the whole story for the log, address included
     */
    public ResolverUnavailableException(String concept, String reason, Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.concept = Objects.requireNonNull(concept, "concept");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = retryAfter;
    }

    public String concept() {
        return concept;
    }

    /** What went wrong, without the resolver's address or the identifier asked about. */
    public String reason() {
        return reason;
    }

    /** When the resolver asked to be asked again, if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
