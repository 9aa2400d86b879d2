package dev.dragoman.gateway.saga;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a saga's timeline, in plain words.
 *
 * @param late true for what the caller should log at WARN: a report that changed nothing (after
 *     the end, a duplicate, an unknown type or context) and a compensation that could not be made
 */
public record TimelineEntry(Instant at, String what, boolean late) {

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(what, "what");
        if (what.isBlank()) {
            throw new IllegalArgumentException("a timeline entry must say what happened but was '" + what + "'");
        }
    }
}
