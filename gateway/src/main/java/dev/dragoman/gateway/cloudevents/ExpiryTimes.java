package dev.dragoman.gateway.cloudevents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sets the {@code expirytime} of a copy already serialised (an operator's re-send with a new
 * deadline). The bytes are spliced, not parsed and written again: a copy's data must reach the
 * receiver byte for byte as it was queued (EVENTS.md, "Exact numbers"), which a round trip through a
 * JSON tree would not keep.
 */
public final class ExpiryTimes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExpiryTimes() {
    }

    /** The structured CloudEvent with its top-level {@code expirytime} set to the instant in UTC (Instant's text: always with seconds, as RFC 3339 wants) (added when it has none). */
    public static byte[] withExpiry(byte[] structured, Instant expiry) {
        byte[] value = ("\"" + expiry + "\"").getBytes(StandardCharsets.UTF_8);
        try (JsonParser parser = JSON.createParser(structured)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a structured CloudEvent is a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (name.equals(OutgoingEvents.EXPIRY_TIME) && token == JsonToken.VALUE_STRING) {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    parser.getString(); // reads the string to its end, so that the location is past it
                    int end = (int) parser.currentLocation().getByteOffset();
                    return splice(structured, start, end, value);
                }
                parser.skipChildren();
            }
        }
        // none: add it first, before the other members
        int open = indexOfOpeningBrace(structured);
        byte[] member = ("\"" + OutgoingEvents.EXPIRY_TIME + "\":" + new String(value, StandardCharsets.UTF_8) + ",")
                .getBytes(StandardCharsets.UTF_8);
        return splice(structured, open + 1, open + 1, member);
    }

    private static int indexOfOpeningBrace(byte[] json) {
        for (int i = 0; i < json.length; i++) {
            if (json[i] == '{') {
                return i;
            }
        }
        throw new IllegalArgumentException("a structured CloudEvent is a JSON object");
    }

    private static byte[] splice(byte[] bytes, int start, int end, byte[] replacement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + replacement.length);
        out.write(bytes, 0, start);
        out.write(replacement, 0, replacement.length);
        out.write(bytes, end, bytes.length - end);
        return out.toByteArray();
    }
}
