package dev.dragoman.tools.maptest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The differences between an expected and an actual JSON document, member by member, each as
 * {@code $.items[0].sku: expected 501, got "GX-1001"}. Numbers are equal when their values are
 * ({@code 1.50} is {@code 1.5}); a number and a string never are, since a translation must keep
 * the JSON type the map declares.
 */
final class JsonDiff {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SHOWN = 120;

    private JsonDiff() {
    }

    static List<String> diff(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        compare(expected, actual, "$", differences);
        return differences;
    }

    private static void compare(JsonNode expected, JsonNode actual, String path, List<String> differences) {
        if (expected.isObject() && actual.isObject()) {
            for (Map.Entry<String, JsonNode> member : expected.properties()) {
                String child = child(path, member.getKey());
                JsonNode other = actual.get(member.getKey());
                if (other == null) {
                    differences.add(child + ": expected " + show(member.getValue()) + ", got nothing (no such member)");
                } else {
                    compare(member.getValue(), other, child, differences);
                }
            }
            for (String name : actual.propertyNames()) {
                if (!expected.has(name)) {
                    differences.add(child(path, name) + ": expected no such member, got " + show(actual.get(name)));
                }
            }
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                differences.add(path + ": expected " + expected.size() + " elements, got " + actual.size() + ": " + show(actual));
            }
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                compare(expected.get(i), actual.get(i), path + "[" + i + "]", differences);
            }
        } else if (!same(expected, actual)) {
            differences.add(path + ": expected " + show(expected) + ", got " + show(actual));
        }
    }

    private static boolean same(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    static String show(JsonNode node) {
        String text = JSON.writeValueAsString(node);
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
    }

    private static String child(String path, String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_-]*") ? path + "." + name : path + "['" + name.replace("'", "\\'") + "']";
    }
}
