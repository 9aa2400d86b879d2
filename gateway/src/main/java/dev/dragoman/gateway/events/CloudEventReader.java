package dev.dragoman.gateway.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.http.HttpHeaders;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a CloudEvent from an HTTP request or a Kafka record, binary or structured mode, with the
 * CloudEvents SDK's bindings, which validate the envelope (spec version, required attributes,
 * their types).
 *
 * <p>One thing is done by hand: in structured mode the SDK parses {@code data} into a Jackson 2
 * tree, which turns {@code 0.1000000000000000055511} into {@code 0.1}. An anti-corruption layer
 * must not change numbers it does not translate, so the data's exact bytes are cut out of the
 * body here and put back into the event.
 */
final class CloudEventReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CloudEventReader() {
    }

    static CloudEvent read(HttpHeaders headers, byte[] body) {
        return read(headers.getFirst(HttpHeaders.CONTENT_TYPE), headers.getFirst("ce-specversion") != null,
                () -> HttpMessageFactory.createReader(consumer -> headers.forEach((name, values) -> values.forEach(v -> consumer.accept(name, v))),
                        body), body, "send it in structured mode (Content-Type: application/cloudevents+json)"
                        + " or in binary mode (ce-specversion, ce-id, ce-source and ce-type headers)", "request");
    }

    /** A record of the CloudEvents Kafka binding: structured with a {@code content-type} header, binary with {@code ce_} headers. */
    static CloudEvent read(Headers headers, byte[] value) {
        if (value == null) {
            throw new InvalidEventException("not a CloudEvent: the record has no value (a tombstone)");
        }
        Header contentType = headers.lastHeader("content-type");
        return read(contentType == null ? null : new String(contentType.value(), StandardCharsets.UTF_8),
                headers.lastHeader("ce_specversion") != null, () -> KafkaMessageFactory.createReader(headers, value), value,
                "produce it in structured mode (header content-type: application/cloudevents+json)"
                        + " or in binary mode (ce_specversion, ce_id, ce_source and ce_type headers)", "record");
    }

    private static CloudEvent read(String contentType, boolean binaryHeaders, Supplier<MessageReader> reader, byte[] body, String howToSend,
            String unit) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/cloudevents-batch")) {
            throw new InvalidEventException("batches (application/cloudevents-batch+json) are not accepted: publish one event per " + unit);
        }
        boolean structured = type.startsWith("application/cloudevents");
        if (!structured && !binaryHeaders) {
            throw new InvalidEventException("not a CloudEvent: " + howToSend);
        }
        CloudEvent event;
        try {
            event = reader.get().toEvent();
        } catch (RuntimeException e) {
            throw new InvalidEventException("not a valid CloudEvent: " + message(e), e);
        }
        return structured ? withExactData(event, body) : event;
    }

    private static CloudEvent withExactData(CloudEvent event, byte[] body) {
        if (event.getData() == null || !JsonData.isJson(event.getDataContentType())) {
            return event;
        }
        byte[] data = dataSpan(body);
        return data == null ? event : CloudEventBuilder.v1(event).withData(event.getDataContentType(), data).build();
    }

    /** The bytes of the top-level {@code data} member, exactly as sent, or null if there is none. */
    private static byte[] dataSpan(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("data")) {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    parser.skipChildren();
                    int end = (int) parser.currentLocation().getByteOffset();
                    return Arrays.copyOfRange(body, start, end);
                }
                parser.skipChildren();
            }
            return null;
        } catch (StreamReadException | JacksonIOException e) {
            throw new InvalidEventException("the event is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
