package dev.dragoman.gateway.cloudevents;

import dev.dragoman.rules.JsonLimits;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.rw.CloudEventRWException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a CloudEvent in the JSON event format (structured mode, HTTP or Kafka).
 *
 * <p>Written here rather than left to the SDK's Jackson 2 deserializer, which parses {@code data}
 * into a tree (turning {@code 0.1000000000000000055511} into {@code 0.1}), passes a {@code null}
 * extension on as the string "null" and an object extension as its JSON text. The attributes are
 * still set through the SDK's builder, which parses and checks each one ({@code time},
 * {@code source}, extension names) as its own readers do.
 *
 * <p>The data is kept as the exact bytes of its JSON value: an anti-corruption layer must not
 * change numbers or strings it does not translate.
 */
final class StructuredEventReader {

    /** The deepest data the engine translates, so that data the intake takes is data the translators read; the event object adds a level. */
    static final int MAX_DATA_DEPTH = JsonLimits.MAX_NESTING_DEPTH;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DATA_DEPTH + 1).build()).build();
    /** Reads one member's value at a time from the event's parser, so what follows it is no trailing token. */
    private static final JsonMapper TREES = JsonMapper.builder(FACTORY).disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private StructuredEventReader() {
    }

    static CloudEvent read(byte[] body) {
        Utf8.require(body, "the event");
        Members members = members(body);
        JsonNode version = members.attributes.remove("specversion");
        if (version == null || version.isNull()) {
            throw new InvalidEventException("not a valid CloudEvent: the event has no specversion; send \"specversion\":\"1.0\"");
        }
        if (!version.isString() || !version.asString().equals(SpecVersion.V1.toString())) {
            throw new InvalidEventException(unsupportedVersion(version.isString() ? version.asString() : version.toString()));
        }
        CloudEventBuilder builder = CloudEventBuilder.v1();
        String contentType = null;
        for (Map.Entry<String, JsonNode> attribute : members.attributes.entrySet()) {
            String name = attribute.getKey();
            JsonNode value = attribute.getValue();
            if (value.isNull()) {
                continue; // null means unset (JSON event format, section 2.4)
            }
            try {
                set(builder, name, value);
            } catch (CloudEventRWException | IllegalArgumentException | IllegalStateException e) {
                throw new InvalidEventException("not a valid CloudEvent: attribute '" + name + "': " + CloudEventReader.message(e), e);
            }
            if (name.equals("datacontenttype")) {
                contentType = value.asString();
            }
        }
        if (members.data != null && members.base64 != null) {
            throw new InvalidEventException("not a valid CloudEvent: the event has both data and data_base64; send one of them");
        }
        if (members.base64 != null) {
            byte[] data = base64(members.base64);
            if (contentType != null && JsonData.isJson(contentType)) {
                JsonData.requireValue(data, contentType);
            }
            builder.withData(contentType, data);
        } else if (members.data != null && members.dataToken != JsonToken.VALUE_NULL) {
            // "data": null is no data, as null is unset for the attributes
            builder.withData(contentType, data(members, contentType));
        }
        try {
            return builder.build();
        } catch (RuntimeException e) {
            throw new InvalidEventException("not a valid CloudEvent: " + CloudEventReader.message(e), e);
        }
    }

    static String unsupportedVersion(String version) {
        return "specversion '" + version + "' is not taken: Dragoman takes CloudEvents 1.0 and delivers them as they came;"
                + " publish the event with specversion 1.0";
    }

    private static void set(CloudEventBuilder builder, String name, JsonNode value) {
        if (value.isString()) {
            builder.withContextAttribute(name, value.asString());
        } else if (value.isBoolean() && isExtension(name)) {
            builder.withContextAttribute(name, value.booleanValue());
        } else if (value.isIntegralNumber() && value.canConvertToInt() && isExtension(name)) {
            builder.withContextAttribute(name, value.intValue());
        } else if (value.isNumber() && isExtension(name)) {
            throw new InvalidEventException("not a valid CloudEvent: extension '" + name + "' is " + value
                    + ", and a CloudEvents Integer is a whole number from -2147483648 to 2147483647; send it as a string");
        } else if (isExtension(name)) {
            throw new InvalidEventException("not a valid CloudEvent: extension '" + name + "' is " + (value.isObject() ? "an object"
                    : "an array") + ", and CloudEvents attributes are strings, integers or booleans; send it as a string, or in data");
        } else {
            throw new InvalidEventException("not a valid CloudEvent: attribute '" + name + "' must be a string");
        }
    }

    private static boolean isExtension(String name) {
        return !SpecVersion.V1.getAllAttributes().contains(name);
    }

    /** The data's bytes: a JSON value as it came, or, for another content type, the text of the JSON string. */
    private static byte[] data(Members members, String contentType) {
        if (JsonData.isJson(contentType)) {
            return members.data;
        }
        if (members.dataToken != JsonToken.VALUE_STRING) {
            throw new InvalidEventException("not a valid CloudEvent: datacontenttype " + contentType + " is not JSON, so data must be"
                    + " a string (or binary data in data_base64)");
        }
        try {
            return TREES.readTree(members.data).asString().getBytes(StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            throw new InvalidEventException("the event is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static byte[] base64(JsonNode value) {
        if (!value.isString()) {
            throw new InvalidEventException("not a valid CloudEvent: data_base64 must be a string of base64 (RFC 4648)");
        }
        try {
            return Base64.getDecoder().decode(value.asString());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("not a valid CloudEvent: data_base64 is not base64 (RFC 4648): " + e.getMessage(), e);
        }
    }

    private static Members members(byte[] body) {
        Members members = new Members();
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidEventException("not a valid CloudEvent: a structured-mode event is a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (members.seen.put(name, Boolean.TRUE) != null) {
                    throw new InvalidEventException("not a valid CloudEvent: member '" + name + "' appears twice; send it once");
                }
                if (name.equals("data")) {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    if (token.isStructStart()) {
                        parser.skipChildren();
                    } else {
                        // a scalar's token is read lazily: finish it, or the location is still inside it
                        parser.finishToken();
                    }
                    int end = (int) parser.currentLocation().getByteOffset();
                    members.data = Arrays.copyOfRange(body, start, end);
                    members.dataToken = token;
                } else if (name.equals("data_base64")) {
                    members.base64 = TREES.readTree(parser);
                } else {
                    members.attributes.put(name, TREES.readTree(parser));
                }
            }
            if (parser.nextToken() != null) {
                throw new InvalidEventException("the event is not valid JSON: unexpected content after the event object");
            }
            return members;
        } catch (StreamConstraintsException e) {
            throw new InvalidEventException("the event is too deeply nested or too large to read: " + e.getOriginalMessage()
                    + " (data may be nested at most " + MAX_DATA_DEPTH + " levels deep)", e);
        } catch (JacksonException e) {
            throw new InvalidEventException("the event is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static final class Members {
        final Map<String, JsonNode> attributes = new LinkedHashMap<>();
        final Map<String, Boolean> seen = new LinkedHashMap<>();
        byte[] data;
        JsonToken dataToken;
        JsonNode base64;
    }
}
