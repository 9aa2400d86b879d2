package dev.dragoman.rules.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A compiled JSONPath of the subset the context maps accept: {@code $}, {@code .name},
 * {@code ['name']}, {@code [N]}, {@code [*]} and {@code ..name}.
 *
 * <p>Written by hand because the usual JSONPath libraries evaluate over a whole tree, while
 * the body translator needs the steps themselves to drive a streaming automaton.
 */
public record JsonPath(String text, List<Step> steps) {

    public JsonPath {
        Objects.requireNonNull(text, "text");
        steps = Collections2.list(steps);
    }

    /** One step of a path. */
    public sealed interface Step {
    }

    /** {@code .name} or {@code ['name']}: the member of that name. */
    public record Member(String name) implements Step {
    }

    /** {@code [N]}: the array element at that index. */
    public record Index(int index) implements Step {
    }

    /** {@code [*]} or {@code .*}: every array element or object member. */
    public record Wildcard() implements Step {
    }

    /** {@code ..name}: the member of that name at any depth below. */
    public record Descendant(String name) implements Step {
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException naming the offending position
     */
    public static JsonPath parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.startsWith("$")) {
            throw new IllegalArgumentException("a path must start with '$' but was '" + text + "'");
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("..", i)) {
                int end = nameEnd(text, i + 2);
                String name = text.substring(i + 2, end);
                if (name.isEmpty()) {
                    throw invalid(text, i, "'..' must be followed by a member name");
                }
                steps.add(new Descendant(name));
                i = end;
            } else if (c == '.') {
                int end = nameEnd(text, i + 1);
                String name = text.substring(i + 1, end);
                if (name.isEmpty()) {
                    throw invalid(text, i, "'.' must be followed by a member name");
                }
                steps.add(name.equals("*") ? new Wildcard() : new Member(name));
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw invalid(text, i, "'[' is never closed");
                }
                steps.add(bracket(text, i, text.substring(i + 1, close).trim()));
                i = close + 1;
            } else {
                throw invalid(text, i, "expected '.', '..' or '['");
            }
        }
        return new JsonPath(text, steps);
    }

    private static Step bracket(String text, int at, String inside) {
        if (inside.equals("*")) {
            return new Wildcard();
        }
        if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
                || inside.startsWith("\"") && inside.endsWith("\""))) {
            return new Member(inside.substring(1, inside.length() - 1));
        }
        try {
            int index = Integer.parseInt(inside);
            if (index < 0) {
                throw invalid(text, at, "negative indexes are not supported");
            }
            return new Index(index);
        } catch (NumberFormatException e) {
            throw invalid(text, at, "expected [N], [*] or ['name'] but found [" + inside + "]");
        }
    }

    private static int nameEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
            i++;
        }
        return i;
    }

    private static IllegalArgumentException invalid(String text, int at, String why) {
        return new IllegalArgumentException("invalid JSONPath '" + text + "' at position " + at + ": " + why);
    }

    @Override
    public String toString() {
        return text;
    }
}
