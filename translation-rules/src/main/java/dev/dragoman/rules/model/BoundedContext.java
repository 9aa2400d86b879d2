package dev.dragoman.rules.model;

import java.util.Objects;

/**
 * A bounded context: a department or service with its own vocabulary.
 *
 * @param inbox where the context receives events (an http(s) URL or {@code kafka:topic}), or null
 */
public record BoundedContext(String name, String description, String inbox) {
    public BoundedContext {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
    }
}
