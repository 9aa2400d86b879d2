package dev.dragoman.gateway.saga;

import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.JsonPath.Descendant;
import dev.dragoman.rules.model.JsonPath.EveryElement;
import dev.dragoman.rules.model.JsonPath.EveryMember;
import dev.dragoman.rules.model.JsonPath.Index;
import dev.dragoman.rules.model.JsonPath.Member;
import dev.dragoman.rules.model.JsonPath.Step;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Makes a compensation's data: the completed data with the {@code negate} fields negated, since
 * a delta ({@code +10000}) is undone by its opposite ({@code -10000}).
 *
 * <p>A tree rather than the translators' byte splicing: compensations are rare and small, and
 * the tree is exact here because numbers are read as {@link BigDecimal} with their scale
 * (10000.50 stays 10000.50, nothing is rounded) and written plain, never in scientific notation.
 */
public final class Negation {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** JSON's number grammar: a string holding one is a number written as a string, e.g. {@code "10000"}. */
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private static final int SHOWN = 40;

    private Negation() {
    }

    /**
     * The data with every field the paths name negated; other fields come out unchanged in
     * value and order. Without paths, the data is returned as it is, even when it is not JSON.
     *
     * @param json the JSON text, or null for no data
     * @throws IllegalArgumentException listing every problem {@link #check} would list
     */
    public static String negate(String json, List<JsonPath> paths) {
        Objects.requireNonNull(paths, "paths");
        if (paths.isEmpty()) {
            return json;
        }
        Negated negated = apply(json, paths);
        if (!negated.problems().isEmpty()) {
            throw new IllegalArgumentException("cannot negate the data: " + String.join("; ", negated.problems()));
        }
        // No data, and paths that only search (wildcards, descendants) found nothing to negate in it.
        return negated.root().isMissingNode() ? json : JSON.writeValueAsString(negated.root());
    }

    /**
     * What stands in the way of negating: fields that are missing, or are not numbers (nor
     * numbers written as strings). Empty when {@link #negate} will succeed. A wildcard or a
     * descendant path that matches nothing is no problem: an empty list has nothing to undo.
     *
     * @param json the JSON text, or null for no data
     * @return problems like {@code $.amount is 'abc', not a number}
     */
    public static List<String> check(String json, List<JsonPath> paths) {
        Objects.requireNonNull(paths, "paths");
        return paths.isEmpty() ? List.of() : apply(json, paths).problems();
    }

    private record Negated(JsonNode root, List<String> problems) {
    }

    private static Negated apply(String json, List<JsonPath> paths) {
        JsonNode root;
        if (json == null || json.isBlank()) {
            root = MissingNode.getInstance();
        } else {
            try {
                root = JSON.readTree(json);
            } catch (JacksonException e) {
                return new Negated(null, List.of("the data is not JSON: " + e.getOriginalMessage()));
            }
        }
        // The root sits in a holder, so that a path of "$" alone replaces it like any other slot.
        ArrayNode holder = JsonNodeFactory.instance.arrayNode().add(root);
        List<String> problems = new ArrayList<>();
        // By location: a field named by two paths ($.amount and $..amount) is negated once, not undone.
        Map<String, Slot> targets = new LinkedHashMap<>();
        for (JsonPath path : paths) {
            find(new Slot(holder, null, 0, "$"), path.steps(), 0, targets, problems);
        }
        // Replaced only once every path was followed, so that no path runs into a value already negated.
        if (problems.isEmpty()) {
            targets.values().forEach(target -> target.set(negated(target.value())));
        }
        return new Negated(holder.get(0), List.copyOf(problems));
    }

    /** Follows steps[i..] from one slot, collecting the slots the last step reaches. */
    private static void find(Slot at, List<Step> steps, int i, Map<String, Slot> targets, List<String> problems) {
        if (i == steps.size()) {
            if (targets.containsKey(at.location())) {
                return;
            }
            // A target with a problem is kept too, so that its problem is listed once.
            targets.put(at.location(), at);
            if (at.value().isMissingNode()) {
                problems.add(at.location() + " is missing");
            } else if (negated(at.value()) == null) {
                problems.add(at.location() + " is " + shown(at.value()) + ", not a number");
            }
            return;
        }
        JsonNode node = at.value();
        Step step = steps.get(i);
        if (step instanceof Member member) {
            if (node.isMissingNode() || node.isObject() && !node.has(member.name())) {
                problems.add(member(at.location(), member.name()) + " is missing");
            } else if (node.isObject()) {
                find(Slot.member(node, member.name(), at.location()), steps, i + 1, targets, problems);
            } else {
                problems.add(at.location() + " is " + shown(node) + ", not an object");
            }
        } else if (step instanceof Index index) {
            if (node.isMissingNode() || node.isArray() && index.index() >= node.size()) {
                problems.add(at.location() + "[" + index.index() + "] is missing");
            } else if (node.isArray()) {
                find(Slot.element(node, index.index(), at.location()), steps, i + 1, targets, problems);
            } else {
                problems.add(at.location() + " is " + shown(node) + ", not an array");
            }
        } else if (step instanceof EveryElement) {
            // [*] takes an array's elements only, as in the body rules; an object is not an array
            if (node.isArray()) {
                for (int e = 0; e < node.size(); e++) {
                    find(Slot.element(node, e, at.location()), steps, i + 1, targets, problems);
                }
            } else if (!node.isMissingNode()) {
                problems.add(at.location() + " is " + shown(node) + ", not an array");
            }
        } else if (step instanceof EveryMember) {
            if (node.isObject()) {
                for (String name : List.copyOf(node.propertyNames())) {
                    find(Slot.member(node, name, at.location()), steps, i + 1, targets, problems);
                }
            } else if (!node.isMissingNode()) {
                problems.add(at.location() + " is " + shown(node) + ", not an object");
            }
        } else if (step instanceof Descendant descendant) {
            descend(at, descendant.name(), steps, i, targets, problems);
        } else {
            throw new IllegalStateException("unknown JSONPath step " + step);
        }
    }

    /** Every member of that name anywhere below the slot, each followed by the remaining steps. */
    private static void descend(Slot at, String name, List<Step> steps, int i, Map<String, Slot> targets, List<String> problems) {
        JsonNode node = at.value();
        if (node.isObject()) {
            for (String member : List.copyOf(node.propertyNames())) {
                Slot child = Slot.member(node, member, at.location());
                if (member.equals(name)) {
                    find(child, steps, i + 1, targets, problems);
                }
                descend(child, name, steps, i, targets, problems);
            }
        } else if (node.isArray()) {
            for (int e = 0; e < node.size(); e++) {
                descend(Slot.element(node, e, at.location()), name, steps, i, targets, problems);
            }
        }
    }

    /** The opposite of a number or of a number written as a string, or null for anything else. */
    private static JsonNode negated(JsonNode value) {
        if (value.isIntegralNumber()) {
            return BigIntegerNode.valueOf(value.bigIntegerValue().negate());
        }
        if (value.isNumber()) {
            return DecimalNode.valueOf(value.decimalValue().negate());
        }
        if (value.isString() && NUMBER.matcher(value.stringValue()).matches()) {
            // On the text, so that the string keeps its form: "10000.50" -> "-10000.50", "1e3" -> "-1e3".
            String text = value.stringValue();
            if (text.startsWith("-")) {
                return StringNode.valueOf(text.substring(1));
            }
            return StringNode.valueOf(new BigDecimal(text).signum() == 0 ? text : "-" + text);
        }
        return null;
    }

    private static String shown(JsonNode value) {
        String text = value.isString() ? "'" + value.stringValue() + "'" : value.toString();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
    }

    private static String member(String location, String name) {
        return PLAIN_NAME.matcher(name).matches() ? location + "." + name : location + "['" + name + "']";
    }

    /** A place in the tree that holds a value: a member of an object or an element of an array. */
    private record Slot(JsonNode container, String name, int index, String location) {

        static Slot member(JsonNode object, String name, String parent) {
            return new Slot(object, name, -1, Negation.member(parent, name));
        }

        static Slot element(JsonNode array, int index, String parent) {
            return new Slot(array, null, index, parent + "[" + index + "]");
        }

        JsonNode value() {
            return name != null ? container.get(name) : container.get(index);
        }

        void set(JsonNode value) {
            if (name != null) {
                ((ObjectNode) container).set(name, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }
    }
}
