package dev.dragoman.gateway.compose;

import dev.dragoman.rules.JsonLimits;
import dev.dragoman.rules.MalformedJsonException;
import dev.dragoman.rules.model.JsonPath;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * The bytes of one value of a JSON document, found with the streaming parser's byte offsets:
 * a part's value goes into the composed answer exactly as the translator wrote it (no tree, so
 * no number is rounded and no string re-escaped on the way).
 */
final class JsonValues {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(JsonLimits.MAX_NESTING_DEPTH).build())
            .build();

    private JsonValues() {
    }

    /**
     * The value at {@code select} (members and indexes only; null for the whole document), or
     * empty when the document has nothing there.
     *
     * @throws JacksonException or {@link MalformedJsonException} when the bytes are not one JSON document
     */
    static Optional<byte[]> select(byte[] json, JsonPath select) {
        List<JsonPath.Step> steps = select == null ? List.of() : select.steps();
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == null) {
                throw new MalformedJsonException("the document holds no JSON value", 0, null);
            }
            byte[] found = find(parser, json, steps, 0);
            // the rest of the document must be JSON too, and nothing may follow it
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
            return Optional.ofNullable(found);
        }
    }

    /** Reads the value the parser stands on, returning the bytes of the one at {@code steps[depth..]} inside it, or null. */
    private static byte[] find(JsonParser parser, byte[] json, List<JsonPath.Step> steps, int depth) {
        if (depth == steps.size()) {
            long start = parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
            parser.finishToken();
            long end = parser.currentLocation().getByteOffset();
            return Arrays.copyOfRange(json, (int) start, (int) end);
        }
        JsonPath.Step step = steps.get(depth);
        JsonToken token = parser.currentToken();
        byte[] found = null;
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (found == null && step instanceof JsonPath.Member member && member.name().equals(name)) {
                    found = find(parser, json, steps, depth + 1);
                } else {
                    parser.skipChildren();
                }
            }
        } else if (token == JsonToken.START_ARRAY) {
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (found == null && step instanceof JsonPath.Index at && at.index() == index) {
                    found = find(parser, json, steps, depth + 1);
                } else {
                    parser.skipChildren();
                }
                index++;
            }
        }
        return found;
    }
}
