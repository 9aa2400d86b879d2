package dev.dragoman.rules.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A path with an optional query, such as {@code /game-dept/games?gameCode={game.code}}: the
 * path a {@link PathTemplate}, each query value a literal or one whole {@code {concept.field}}.
 */
public record RequestTarget(String text, PathTemplate path, Map<String, PathTemplate.Segment> query) {

    public RequestTarget {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(path, "path");
        query = Collections2.copyOrdered(query);
    }

    /**
     * Parses a target; {@code refParser} turns the text between braces into a rule.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static RequestTarget parse(String text, Function<String, IdentifierRef> refParser) {
        if (text == null || !text.startsWith("/")) {
            throw new IllegalArgumentException("a path must start with '/' but was '" + text + "'");
        }
        int question = text.indexOf('?');
        PathTemplate path = PathTemplate.parse(question < 0 ? text : text.substring(0, question), refParser);
        Map<String, PathTemplate.Segment> query = new LinkedHashMap<>();
        if (question >= 0) {
            for (String pair : text.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("a query parameter needs a name, in '" + text + "'");
                }
                if (query.containsKey(name)) {
                    throw new IllegalArgumentException("query parameter '" + name + "' is written twice in '" + text + "'");
                }
                if (value.startsWith("{") && value.endsWith("}")) {
                    query.put(name, new PathTemplate.Identifier(refParser.apply(value.substring(1, value.length() - 1))));
                } else if (value.contains("{") || value.contains("}")) {
                    throw new IllegalArgumentException("a query value must be all literal or one whole {concept.field}, but was '"
                            + value + "' in '" + text + "'");
                } else {
                    query.put(name, new PathTemplate.Literal(value));
                }
            }
        }
        return new RequestTarget(text, path, query);
    }

    @Override
    public String toString() {
        return text;
    }
}
