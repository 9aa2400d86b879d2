package dev.dragoman.gateway.cloudevents;

import dev.dragoman.rules.JsonMediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/** Whether an event's data is JSON: by its {@code datacontenttype} (absent means JSON, as in the CloudEvents JSON format), and by its bytes. */
public final class JsonData {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(StructuredEventReader.MAX_DATA_DEPTH).build()).build();

    private JsonData() {
    }

    /** Absent means JSON, as in the CloudEvents JSON format; otherwise the engine's one rule for JSON media types. */
    public static boolean isJson(String dataContentType) {
        return dataContentType == null || JsonMediaType.isJson(dataContentType);
    }

    /**
     * Data whose content type says JSON must be one JSON value in UTF-8, or its copies would not
     * be JSON: checked as it comes in binary mode (structured mode's data is JSON by its syntax).
     *
     * @throws InvalidEventException naming what is wrong
     */
    public static void requireValue(byte[] data, String contentType) {
        Utf8.require(data, "the event's data (" + contentType + ")");
        try {
            parse(data);
        } catch (StreamConstraintsException e) {
            throw new InvalidEventException("the event's data is nested too deeply or too large: " + e.getOriginalMessage()
                    + " (data may be nested at most " + StructuredEventReader.MAX_DATA_DEPTH + " levels deep)", e);
        } catch (JacksonException e) {
            throw new InvalidEventException("the event's data is " + contentType + " but not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Whether the bytes are one UTF-8 JSON value, as the JSON event format writes {@code data} raw. */
    public static boolean isValue(byte[] data) {
        try {
            Utf8.require(data, "data");
            parse(data);
            return true;
        } catch (InvalidEventException | JacksonException e) {
            return false;
        }
    }

    private static void parse(byte[] data) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), data)) {
            if (parser.nextToken() == null) {
                throw new InvalidEventException("the event's data is empty, but its content type says JSON: send a JSON value, or no data");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new InvalidEventException("the event's data holds more than one JSON value: send one");
            }
        }
    }
}
