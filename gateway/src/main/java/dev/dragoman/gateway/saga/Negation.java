package dev.dragoman.gateway.saga;

import dev.dragoman.rules.JsonDocument;
import dev.dragoman.rules.model.JsonPath;
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
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.StringNode;

/**
 * Makes a compensation's data: the completed data with the {@code negate} fields negated, since
 * a delta ({@code +10000}) is undone by its opposite ({@code -10000}).
 *
 * <p>A tree rather than the translators' byte splicing: compensations are rare and small, and
 * the tree is exact here because numbers are read as {@link BigDecimal} with their scale
 * (10000.50 stays 10000.50, nothing is rounded) and written plain, never in scientific notation.
 * The paths are followed by the engine's {@link JsonDocument}, which reads each step as the
 * body rules do.
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
        JsonDocument document = new JsonDocument(root);
        List<String> problems = new ArrayList<>();
        // By location: a field named by two paths ($.amount and $..amount) is negated once, not undone.
        Map<String, JsonDocument.Slot> targets = new LinkedHashMap<>();
        for (JsonPath path : paths) {
            document.select(path, slot -> target(slot, targets, problems), problems::add);
        }
        // Replaced only once every path was followed, so that no path runs into a value already negated.
        if (problems.isEmpty()) {
            targets.values().forEach(target -> target.replace(negated(target.value())));
        }
        return new Negated(document.root(), List.copyOf(problems));
    }

    /** A slot a path reaches: kept once by location, with its problem when it holds no number. */
    private static void target(JsonDocument.Slot at, Map<String, JsonDocument.Slot> targets, List<String> problems) {
        if (targets.containsKey(at.location())) {
            return;
        }
        // A target with a problem is kept too, so that its problem is listed once.
        targets.put(at.location(), at);
        if (at.value().isMissingNode()) {
            problems.add(at.location() + " is missing");
        } else if (negated(at.value()) == null) {
            problems.add(at.location() + " is " + JsonDocument.shown(at.value()) + ", not a number");
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
}
