package dev.dragoman.rules.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A read endpoint of one context answered from several routes (API composition): a
 * {@code GET} on {@code path}, by a caller of {@code context}, fetches every part through its
 * route's upstream and translation and merges the answers into one JSON document.
 *
 * @param path written in {@code context}'s vocabulary: its {@code {concept.field}} segments are
 *     the values the parts' requests use
 */
public record Composition(String id, String context, PathTemplate path, List<CompositionPart> parts) {

    public Composition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(path, "path");
        parts = Collections2.list(parts);
    }

    /**
     * The raw (percent-encoded) value of each {@code {concept.field}} of {@link #path} in a raw
     * request path, keyed by the rule's text ({@code game.code}); empty when the path does not
     * match: same number of segments, literals equal, identifier segments not empty.
     */
    public Optional<Map<String, String>> match(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        List<PathTemplate.Segment> template = path.segments();
        if (segments.length != template.size()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < segments.length; i++) {
            PathTemplate.Segment segment = template.get(i);
            if (segment instanceof PathTemplate.Identifier identifier) {
                if (segments[i].isEmpty()) {
                    return Optional.empty();
                }
                values.put(identifier.ref().toString(), segments[i]);
            } else if (!((PathTemplate.Literal) segment).text().equals(segments[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }
}
