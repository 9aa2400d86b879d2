package dev.dragoman.rules.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A compiled JSONPath of the subset the context maps accept: {@code $}, {@code .name},
 * {@code ['name']}, {@code [N]}, {@code [*]}, {@code .*} and {@code ..name}.
 *
 * <p>Each step expects a shape: {@code .name}, {@code ['name']} and {@code .*} an object,
 * {@code [N]} and {@code [*]} an array. A step that meets another shape selects nothing
 * there, and the translators report it rather than skip it (an identifier may hide in it).
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

    /** {@code [*]}: every element of an array (an object's members are not elements). */
    public record EveryElement() implements Step {
    }

    /** {@code .*}: every member of an object (an array's elements are not members). */
    public record EveryMember() implements Step {
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
                if (name.equals("*")) {
                    // in full JSONPath '..*' is every descendant; read as a member named '*' it would silently match nothing
                    throw invalid(text, i, "'..*' is not supported: name the member, as in '..code'");
                }
                steps.add(new Descendant(name));
                i = end;
            } else if (c == '.') {
                int end = nameEnd(text, i + 1);
                String name = text.substring(i + 1, end);
                if (name.isEmpty()) {
                    throw invalid(text, i, "'.' must be followed by a member name");
                }
                steps.add(name.equals("*") ? new EveryMember() : new Member(name));
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
            return new EveryElement();
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
