package dev.dragoman.rules.model;

import java.time.Duration;
import java.util.Objects;

/**
 * One part of a {@link Composition}: a {@code GET} through {@code route}, written as the caller
 * would call the route through the gateway, whose answer (or the value at {@code select} in
 * it) goes to {@code into} in the composed document.
 *
 * @param name what a gap in the answer is called
 * @param target the part's path and query in the composition's vocabulary
 * @param select where the part's value is in the route's (translated) answer; null for the whole answer
 * @param into where the value goes in the composed answer: member names only ({@code $.stats})
 * @param required whether the whole answer fails (502) when this part does; an optional part leaves a gap
 * @param timeout how long the part may take; null for the gateway's upstream response timeout
 */
public record CompositionPart(String name, String route, RequestTarget target, JsonPath select, JsonPath into, boolean required,
        Duration timeout) {

    public CompositionPart {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(into, "into");
    }
}
