package dev.dragoman.rules.resolver;

import java.util.Objects;

/** One question to a resolver: what {@code toContext} calls the thing {@code fromContext} calls {@code value}. */
public record ResolveRequest(String concept, String fromContext, String fromField, String toContext, String toField, String value) {
    public ResolveRequest {
        Objects.requireNonNull(concept, "concept");
        Objects.requireNonNull(fromContext, "fromContext");
        Objects.requireNonNull(fromField, "fromField");
        Objects.requireNonNull(toContext, "toContext");
        Objects.requireNonNull(toField, "toField");
        Objects.requireNonNull(value, "value");
    }
}
