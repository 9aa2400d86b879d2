package dev.dragoman.gateway.admin.console;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * A JSON body as indented HTML for Try it, every scalar at a place the dry run names as unknown
 * marked {@code unknown}, and, on the side that received the translation, every scalar that differs
 * from the one sent marked {@code translated} with what it was. Places are written as the engine
 * writes them in its findings ({@code $.items[0].gameCode}), so that its unknown locations match.
 * Everything of the body's own is HTML-escaped here; the template writes the result unescaped.
 */
final class JsonMarkup {

    private final Set<String> unknown;

    /** @param unknown the places of unknown values, e.g. {@code $.game.code} */
    JsonMarkup(Set<String> unknown) {
        this.unknown = unknown;
    }

    /** The body as sent: only the unknown values are marked. */
    String sent(JsonNode body) {
        StringBuilder html = new StringBuilder();
        write(html, body, null, "$", "");
        return html.toString();
    }

    /** The body as received, compared with the body as sent. */
    String received(JsonNode body, JsonNode sent) {
        StringBuilder html = new StringBuilder();
        write(html, body, sent == null ? MISSING : sent, "$", "");
        return html.toString();
    }

    /** Stands for "compare with nothing" on the sent side, where nothing is marked translated. */
    private static final JsonNode MISSING = null;

    private void write(StringBuilder html, JsonNode node, JsonNode before, String place, String indent) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                html.append("{}");
                return;
            }
            html.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                html.append(indent).append("  ").append(escape(stringLiteral(name))).append(": ");
                JsonNode previous = before != null && before.isObject() ? before.get(name) : null;
                write(html, field.getValue(), previous, child(place, name), indent + "  ");
                html.append(fields.hasNext() ? ",\n" : "\n");
            }
            html.append(indent).append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                html.append("[]");
                return;
            }
            html.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                JsonNode previous = before != null && before.isArray() && i < before.size() ? before.get(i) : null;
                html.append(indent).append("  ");
                write(html, node.get(i), previous, place + "[" + i + "]", indent + "  ");
                html.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            html.append(indent).append(']');
        } else {
            String text = escape(node.toString());
            if (unknown.contains(place)) {
                html.append("<mark class=\"unknown\" title=\"unknown identifier at ").append(escape(place)).append("\">")
                        .append(text).append("</mark>");
            } else if (before != null && !before.equals(node)) {
                html.append("<mark class=\"translated\" title=\"was ").append(escape(before.toString())).append("\">").append(text)
                        .append("</mark>");
            } else {
                html.append(text);
            }
        }
    }

    private static String child(String place, String name) {
        // as BodyWalk writes a place: letters, digits, '_' and '-' plain, anything else quoted
        boolean plain = !name.isEmpty() && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
        return plain ? place + "." + name : place + "['" + name.replace("'", "\\'") + "']";
    }

    private static String stringLiteral(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
