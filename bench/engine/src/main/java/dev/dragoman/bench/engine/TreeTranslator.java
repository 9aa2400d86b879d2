package dev.dragoman.bench.engine;

import dev.dragoman.rules.model.IdentifierTable;
import dev.dragoman.rules.model.IdentifierTable.Column;
import dev.dragoman.rules.model.Scalar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The common way to translate identifiers in a body, as a baseline: read the whole tree,
 * replace the values found at the route's paths ({@code $.game.code}, {@code $.game.name},
 * {@code $.items[*].gameCode}, {@code $.related[*].code}, {@code $..gameNames}) using the same
 * table columns, and write the tree back. Hand-written for these five paths (no JSONPath
 * engine), which flatters it. Note that a default mapper also reads long decimals as doubles
 * and writes them back rounded: it is not only slower but also changes numbers it should
 * not touch.
 */
final class TreeTranslator {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final JsonNodeFactory nodes = mapper.getNodeFactory();
    private final Column codeFrom;
    private final Column codeTo;
    private final Column nameFrom;
    private final Column nameTo;
    private final boolean descendants;
    private int untranslated;

    /** With {@code descendants}, {@code $..gameNames} too (the sparse document's route has no such rule). */
    TreeTranslator(IdentifierTable table, String from, String to, boolean descendants) {
        this.descendants = descendants;
        codeFrom = table.column(from, "code").orElseThrow();
        codeTo = table.column(to, "code").orElseThrow();
        nameFrom = table.column(from, "name").orElseThrow();
        nameTo = table.column(to, "name").orElseThrow();
    }

    JsonMapper mapper() {
        return mapper;
    }

    /** How many values found at a rule's path had no translation (they are left as they were). */
    int untranslated() {
        return untranslated;
    }

    byte[] translate(byte[] json) {
        JsonNode root = mapper.readTree(json);
        if (root instanceof ObjectNode object) {
            if (object.get("game") instanceof ObjectNode game) {
                member(game, "code", codeFrom, codeTo);
                member(game, "name", nameFrom, nameTo);
            }
            if (object.get("items") instanceof ArrayNode items) {
                for (JsonNode item : items) {
                    if (item instanceof ObjectNode itemObject) {
                        member(itemObject, "gameCode", codeFrom, codeTo);
                    }
                }
            }
            if (object.get("related") instanceof ArrayNode related) {
                for (JsonNode entry : related) {
                    if (entry instanceof ObjectNode entryObject) {
                        member(entryObject, "code", codeFrom, codeTo);
                    }
                }
            }
        }
        for (JsonNode parent : descendants ? root.findParents("gameNames") : java.util.List.<JsonNode>of()) {
            ObjectNode holder = (ObjectNode) parent;
            if (holder.get("gameNames") instanceof ArrayNode names) {
                for (int i = 0; i < names.size(); i++) {
                    JsonNode translated = translate(names.get(i), nameFrom, nameTo);
                    if (translated != null) {
                        names.set(i, translated);
                    }
                }
            } else {
                member(holder, "gameNames", nameFrom, nameTo);
            }
        }
        return mapper.writeValueAsBytes(root);
    }

    private void member(ObjectNode object, String name, Column from, Column to) {
        JsonNode value = object.get(name);
        if (value != null) {
            JsonNode translated = translate(value, from, to);
            if (translated != null) {
                object.set(name, translated);
            }
        }
    }

    private JsonNode translate(JsonNode value, Column from, Column to) {
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        int row = from.find(value.asString());
        String text = to.textAt(row);
        if (text == null) {
            untranslated++;
            return null;
        }
        Scalar.Kind kind = to.kindAt(row);
        return switch (kind) {
            case STRING -> nodes.stringNode(text);
            case BOOLEAN -> nodes.booleanNode(Boolean.parseBoolean(text));
            case NUMBER -> text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0
                    ? nodes.numberNode(Long.parseLong(text))
                    : nodes.numberNode(new java.math.BigDecimal(text));
        };
    }
}
