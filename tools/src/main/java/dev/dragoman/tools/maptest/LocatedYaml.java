package dev.dragoman.tools.maptest;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A YAML document as a JSON tree, with the line of every value. Jackson's tree forgets where a
 * value came from; its YAML parser's token locations do not, so the tree is built here from the
 * tokens, remembering each value's line by its JSON pointer ({@code /http/0/request}).
 */
final class LocatedYaml {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode root;
    private final Map<String, Integer> lines;

    private LocatedYaml(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    /** @throws MapTestFileException for a syntax error or a key declared twice, with its line */
    static LocatedYaml parse(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new LocatedYaml(NODES.nullNode(), lines);
            }
            return new LocatedYaml(value(parser, "", lines), lines);
        } catch (MapTestFileException e) {
            throw e;
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
            throw new MapTestFileException(line, "YAML syntax error: " + e.getOriginalMessage().lines().findFirst().orElse("").strip());
        }
    }

    JsonNode root() {
        return root;
    }

    /** The line of the value at a JSON pointer, or of its nearest enclosing value that has one. */
    int line(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 0;
            }
        }
    }

    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode value(JsonParser parser, String pointer, Map<String, Integer> lines) {
        lines.put(pointer, parser.currentTokenLocation().getLineNr());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    String childPointer = child(pointer, key);
                    if (object.has(key)) {
                        throw new MapTestFileException(keyLine, "'" + key + "' is declared twice in the same mapping (first on line "
                                + lines.get(childPointer) + ")");
                    }
                    parser.nextToken();
                    object.set(key, value(parser, childPointer, lines));
                    lines.put(childPointer, keyLine);
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, pointer + "/" + array.size(), lines));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.stringNode(parser.getString());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(parser.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new MapTestFileException(parser.currentTokenLocation().getLineNr(), "unexpected YAML content (" + token + ")");
        }
    }
}
