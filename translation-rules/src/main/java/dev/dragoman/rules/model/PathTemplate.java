package dev.dragoman.rules.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A path template such as {@code /games/{game.code}/stats}: literal segments and
 * identifier segments, matched segment by segment.
 */
public record PathTemplate(String text, List<Segment> segments) {

    public PathTemplate {
        Objects.requireNonNull(text, "text");
        segments = Collections2.list(segments);
    }

    /** One path segment of a template. */
    public sealed interface Segment {
    }

    /** A segment that must equal this text. */
    public record Literal(String text) implements Segment {
    }

    /** A segment holding an identifier, translated by this rule. */
    public record Identifier(IdentifierRef ref) implements Segment {
    }

    /**
     * Parses a template; {@code refParser} turns the text between braces into a rule.
     *
     * @throws IllegalArgumentException naming the offending segment
     */
    public static PathTemplate parse(String text, java.util.function.Function<String, IdentifierRef> refParser) {
        if (text == null || !text.startsWith("/")) {
            throw new IllegalArgumentException("a path template must start with '/' but was '" + text + "'");
        }
        List<Segment> segments = new ArrayList<>();
        for (String part : text.substring(1).split("/", -1)) {
            if (part.startsWith("{") && part.endsWith("}")) {
                segments.add(new Identifier(refParser.apply(part.substring(1, part.length() - 1))));
            } else if (part.contains("{") || part.contains("}")) {
                throw new IllegalArgumentException("a path template segment must be all literal or one whole {concept.field}, but was '" + part + "' in '" + text + "'");
            } else {
                segments.add(new Literal(part));
            }
        }
        return new PathTemplate(text, segments);
    }

    @Override
    public String toString() {
        return text;
    }
}
