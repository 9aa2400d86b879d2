package dev.dragoman.kit.saga;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code negate} paths of a step, and the negation Dragoman applies to a compensation's data:
 * the numbers at those paths change sign, exactly ({@code 10000.50} becomes {@code -10000.50}),
 * and everything else stays. The kit's own small JSONPath subset, not the gateway's engine: a
 * path is {@code $} followed by {@code .name}, {@code ['name']}, {@code [index]} or {@code [*]}
 * segments, which is what delta fields in a report's data need.
 */
public final class NegatePaths {

    private final List<String> paths;
    private final List<List<Segment>> parsed;

    private NegatePaths(List<String> paths, List<List<Segment>> parsed) {
        this.paths = paths;
        this.parsed = parsed;
    }

    /** @throws IllegalArgumentException naming the path that is not in the subset, so that the service does not start */
    public static NegatePaths parse(List<String> paths) {
        List<List<Segment>> parsed = new ArrayList<>();
        for (String path : paths) {
            parsed.add(parse(path));
        }
        return new NegatePaths(List.copyOf(paths), List.copyOf(parsed));
    }

    /**
     * Checks that every path leads to at least one number in a step's completed data, as the gateway
     * checks a completed report when it is published: a compensation must be possible.
     *
     * @return what is wrong, or {@code null}
     */
    public String problemWith(JsonNode data) {
        for (int i = 0; i < paths.size(); i++) {
            List<JsonNode> found = new ArrayList<>();
            collect(data, parsed.get(i), 0, found);
            if (found.isEmpty()) {
                return "the completed data has no field at " + paths.get(i) + ", which the compensation must negate";
            }
            for (JsonNode node : found) {
                if (!node.isNumber()) {
                    return "the completed data holds " + node + " at " + paths.get(i) + ", not a number the compensation can negate";
                }
            }
        }
        return null;
    }

    /** A copy of {@code data} with the numbers at the paths negated. */
    public JsonNode negate(JsonNode data) {
        JsonNode copy = data.deepCopy();
        for (List<Segment> path : parsed) {
            negate(copy, path, 0);
        }
        return copy;
    }

    private static void negate(JsonNode node, List<Segment> path, int at) {
        if (node == null || at == path.size()) {
            return;
        }
        Segment segment = path.get(at);
        boolean last = at == path.size() - 1;
        if (segment.name() != null && node instanceof ObjectNode object) {
            JsonNode child = object.get(segment.name());
            if (last) {
                if (child != null && child.isNumber()) {
                    object.set(segment.name(), negated(child));
                }
            } else {
                negate(child, path, at + 1);
            }
        } else if (segment.name() == null && node instanceof ArrayNode array) {
            int from = segment.index() < 0 ? 0 : segment.index();
            int to = segment.index() < 0 ? array.size() : Math.min(segment.index() + 1, array.size());
            for (int i = from; i < to; i++) {
                JsonNode child = array.get(i);
                if (last) {
                    if (child.isNumber()) {
                        array.set(i, negated(child));
                    }
                } else {
                    negate(child, path, at + 1);
                }
            }
        }
    }

    private static void collect(JsonNode node, List<Segment> path, int at, List<JsonNode> found) {
        if (node == null) {
            return;
        }
        if (at == path.size()) {
            found.add(node);
            return;
        }
        Segment segment = path.get(at);
        if (segment.name() != null && node.isObject()) {
            collect(node.get(segment.name()), path, at + 1, found);
        } else if (segment.name() == null && node.isArray()) {
            if (segment.index() < 0) {
                for (JsonNode child : node) {
                    collect(child, path, at + 1, found);
                }
            } else {
                collect(node.get(segment.index()), path, at + 1, found);
            }
        }
    }

    static JsonNode negated(JsonNode number) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (number.isInt() || number.isLong()) {
            long value = number.longValue();
            return value == Long.MIN_VALUE ? nodes.numberNode(BigInteger.valueOf(value).negate()) : nodes.numberNode(-value);
        }
        if (number.isBigInteger()) {
            return nodes.numberNode(number.bigIntegerValue().negate());
        }
        if (number.isBigDecimal()) {
            return nodes.numberNode(number.decimalValue().negate());
        }
        if (number.isFloat()) {
            return nodes.numberNode(-number.floatValue());
        }
        return nodes.numberNode(-number.doubleValue());
    }

    /** One step of a path: a member {@code name}, or an array {@code index} ({@code -1} for every element). */
    private record Segment(String name, int index) {
    }

    private static List<Segment> parse(String path) {
        if (path == null || !path.startsWith("$") || path.length() == 1) {
            throw invalid(path, "it must start with $ and name a field");
        }
        List<Segment> segments = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    throw invalid(path, "an empty name after '.'");
                }
                segments.add(new Segment(path.substring(i + 1, end), 0));
                i = end;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0) {
                    throw invalid(path, "a '[' without ']'");
                }
                String inside = path.substring(i + 1, end);
                if (inside.equals("*")) {
                    segments.add(new Segment(null, -1));
                } else if (inside.length() >= 2 && inside.startsWith("'") && inside.endsWith("'")) {
                    segments.add(new Segment(inside.substring(1, inside.length() - 1), 0));
                } else if (inside.matches("\\d+")) {
                    segments.add(new Segment(null, Integer.parseInt(inside)));
                } else {
                    throw invalid(path, "'[" + inside + "]' is neither an index, [*] nor ['name']");
                }
                i = end + 1;
            } else {
                throw invalid(path, "unexpected '" + c + "' at " + i);
            }
        }
        return segments;
    }

    private static IllegalArgumentException invalid(String path, String why) {
        return new IllegalArgumentException("negate path '" + path + "' is not one the kit reads ($.name, $['name'], [index], [*]): " + why);
    }
}
