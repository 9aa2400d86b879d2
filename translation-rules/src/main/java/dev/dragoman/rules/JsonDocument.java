package dev.dragoman.rules;

import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.JsonPath.Descendant;
import dev.dragoman.rules.model.JsonPath.EveryElement;
import dev.dragoman.rules.model.JsonPath.EveryMember;
import dev.dragoman.rules.model.JsonPath.Index;
import dev.dragoman.rules.model.JsonPath.Member;
import dev.dragoman.rules.model.JsonPath.Step;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON document held as a tree, whose values a {@link JsonPath} reads and replaces in place,
 * with the same reading of each step as the body translators ({@code [*]} takes an array's
 * elements only, {@code .*} an object's members only). It is for the rare, small documents
 * that are changed by path outside the translators' streaming splice, such as a saga's
 * compensation data with its {@code negate} fields negated.
 *
 * <p>Locations are written as JSONPaths ({@code $.lines[1].qty}, {@code $['unit price']}),
 * so that a problem names the place the way a map names it.
 */
public final class JsonDocument {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private static final int SHOWN = 40;

    /** The root sits in a holder, so that a path of {@code $} alone replaces it like any other slot. */
    private final ArrayNode holder;

    /**
     * @param root the document, or a {@link tools.jackson.databind.node.MissingNode} for no document;
     *     it is changed in place by {@link Slot#replace}
     */
    public JsonDocument(JsonNode root) {
        this.holder = JsonNodeFactory.instance.arrayNode().add(Objects.requireNonNull(root, "root"));
    }

    /** The document, with what was replaced so far. */
    public JsonNode root() {
        return holder.get(0);
    }

    /**
     * Follows the path, telling each value it selects and each step it cannot follow, in
     * document order.
     *
     * @param found takes each value the path selects (a missing node where the document itself is missing)
     * @param problems takes each step the document cannot follow: a member or an element that is
     *     missing, or a value of another shape, e.g. {@code $.payment is 5, not an object}; a
     *     wildcard or a descendant that matches nothing is no problem, it selects nothing
     */
    public void select(JsonPath path, Consumer<Slot> found, Consumer<String> problems) {
        Objects.requireNonNull(path, "path");
        find(new Slot(holder, null, 0, "$"), path.steps(), 0, Objects.requireNonNull(found, "found"),
                Objects.requireNonNull(problems, "problems"));
    }

    /** A value as a problem shows it: a string quoted, anything else as JSON, cut short. */
    public static String shown(JsonNode value) {
        String text = value.isString() ? "'" + value.stringValue() + "'" : value.toString();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
    }

    private static void find(Slot at, List<Step> steps, int i, Consumer<Slot> found, Consumer<String> problems) {
        if (i == steps.size()) {
            found.accept(at);
            return;
        }
        JsonNode node = at.value();
        Step step = steps.get(i);
        if (step instanceof Member member) {
            if (node.isMissingNode() || node.isObject() && !node.has(member.name())) {
                problems.accept(member(at.location(), member.name()) + " is missing");
            } else if (node.isObject()) {
                find(Slot.member(node, member.name(), at.location()), steps, i + 1, found, problems);
            } else {
                problems.accept(at.location() + " is " + shown(node) + ", not an object");
            }
        } else if (step instanceof Index index) {
            if (node.isMissingNode() || node.isArray() && index.index() >= node.size()) {
                problems.accept(at.location() + "[" + index.index() + "] is missing");
            } else if (node.isArray()) {
                find(Slot.element(node, index.index(), at.location()), steps, i + 1, found, problems);
            } else {
                problems.accept(at.location() + " is " + shown(node) + ", not an array");
            }
        } else if (step instanceof EveryElement) {
            if (node.isArray()) {
                for (int e = 0; e < node.size(); e++) {
                    find(Slot.element(node, e, at.location()), steps, i + 1, found, problems);
                }
            } else if (!node.isMissingNode()) {
                problems.accept(at.location() + " is " + shown(node) + ", not an array");
            }
        } else if (step instanceof EveryMember) {
            if (node.isObject()) {
                for (String name : List.copyOf(node.propertyNames())) {
                    find(Slot.member(node, name, at.location()), steps, i + 1, found, problems);
                }
            } else if (!node.isMissingNode()) {
                problems.accept(at.location() + " is " + shown(node) + ", not an object");
            }
        } else if (step instanceof Descendant descendant) {
            descend(at, descendant.name(), steps, i, found, problems);
        } else {
            throw new IllegalStateException("unknown JSONPath step " + step);
        }
    }

    /** Every member of that name anywhere below the slot, each followed by the remaining steps. */
    private static void descend(Slot at, String name, List<Step> steps, int i, Consumer<Slot> found, Consumer<String> problems) {
        JsonNode node = at.value();
        if (node.isObject()) {
            for (String member : List.copyOf(node.propertyNames())) {
                Slot child = Slot.member(node, member, at.location());
                if (member.equals(name)) {
                    find(child, steps, i + 1, found, problems);
                }
                descend(child, name, steps, i, found, problems);
            }
        } else if (node.isArray()) {
            for (int e = 0; e < node.size(); e++) {
                descend(Slot.element(node, e, at.location()), name, steps, i, found, problems);
            }
        }
    }

    private static String member(String location, String name) {
        return PLAIN_NAME.matcher(name).matches() ? location + "." + name : location + "['" + name + "']";
    }

    /** A place in the document that holds a value: a member of an object or an element of an array. */
    public static final class Slot {

        private final JsonNode container;
        private final String name;
        private final int index;
        private final String location;

        private Slot(JsonNode container, String name, int index, String location) {
            this.container = container;
            this.name = name;
            this.index = index;
            this.location = location;
        }

        private static Slot member(JsonNode object, String name, String parent) {
            return new Slot(object, name, -1, JsonDocument.member(parent, name));
        }

        private static Slot element(JsonNode array, int index, String parent) {
            return new Slot(array, null, index, parent + "[" + index + "]");
        }

        /** Where the value is, as a JSONPath such as {@code $.lines[1].qty}. */
        public String location() {
            return location;
        }

        public JsonNode value() {
            return name != null ? container.get(name) : container.get(index);
        }

        /** Puts another value in this place of the document. */
        public void replace(JsonNode value) {
            if (name != null) {
                ((ObjectNode) container).set(name, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }

        @Override
        public String toString() {
            return location;
        }
    }
}
