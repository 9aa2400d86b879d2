package dev.dragoman.rules.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A thing that several contexts identify differently.
 *
 * @param keys per context, the identifying aspects (fields) that context has
 * @param resolver the lookup service for identifiers the table lacks, or null
 */
public record Concept(String name, Map<String, List<String>> keys, IdentifierTable table, ResolverSpec resolver) {

    public Concept {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        keys = Collections2.copyOrdered(keys);
    }

    public boolean has(String context, String field) {
        return keys.getOrDefault(context, List.of()).contains(field);
    }

    public Optional<ResolverSpec> resolverSpec() {
        return Optional.ofNullable(resolver);
    }
}
