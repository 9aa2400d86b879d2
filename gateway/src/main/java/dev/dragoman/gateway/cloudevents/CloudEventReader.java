package dev.dragoman.gateway.cloudevents;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.http.HttpHeaders;

/**
 * Reads a CloudEvent 1.0 from an HTTP request or a Kafka record, binary or structured mode.
 * Structured mode is read by {@link StructuredEventReader}; binary mode by the CloudEvents SDK's
 * bindings, once the HTTP header values are percent-decoded (HTTP binding 3.1.3.2) and the Kafka
 * ones checked to be UTF-8 (Kafka binding 3.2.3). Either way the envelope is then held to what the
 * spec requires and the SDK leaves unchecked: a non-empty {@code id} and {@code source}, and JSON
 * data that is JSON.
 */
public final class CloudEventReader {

    private CloudEventReader() {
    }

    public static CloudEvent read(HttpHeaders headers, byte[] body) {
        String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
        boolean binary = headers.getFirst("ce-specversion") != null;
        return read(contentType, binary, () -> {
            HttpHeaders decoded = BinaryHeaders.percentDecoded(headers);
            return HttpMessageFactory.createReader(consumer -> decoded.forEach((name, values) -> values.forEach(v -> consumer.accept(name, v))),
                    body);
        }, body, "send it in structured mode (Content-Type: application/cloudevents+json)"
                + " or in binary mode (ce-specversion, ce-id, ce-source and ce-type headers)", "request");
    }

    /** A record of the CloudEvents Kafka binding: structured with a {@code content-type} header, binary with {@code ce_} headers. */
    public static CloudEvent read(Headers headers, byte[] value) {
        if (value == null) {
            throw new InvalidEventException("not a CloudEvent: the record has no value (a tombstone)");
        }
        Header contentType = headers.lastHeader("content-type");
        return read(contentType == null ? null : new String(contentType.value(), StandardCharsets.UTF_8),
                headers.lastHeader("ce_specversion") != null, () -> {
                    requireUtf8(headers);
                    return KafkaMessageFactory.createReader(headers, value);
                }, value, "produce it in structured mode (header content-type: application/cloudevents+json)"
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
        CloudEvent event = structured ? StructuredEventReader.read(body) : binary(reader);
        return checked(event);
    }

    private static CloudEvent binary(Supplier<MessageReader> reader) {
        CloudEvent event;
        try {
            event = reader.get().toEvent();
        } catch (InvalidEventException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidEventException("not a valid CloudEvent: " + message(e), e);
        }
        if (event.getData() != null && event.getDataContentType() != null && JsonData.isJson(event.getDataContentType())) {
            JsonData.requireValue(event.getData().toBytes(), event.getDataContentType());
        }
        return event;
    }

    /** What CloudEvents 1.0 requires and the SDK does not check. */
    private static CloudEvent checked(CloudEvent event) {
        if (event.getSpecVersion() != SpecVersion.V1) {
            // relabelling it 1.0 on the way out would change what its attributes mean
            throw new InvalidEventException(StructuredEventReader.unsupportedVersion(event.getSpecVersion().toString()));
        }
        if (event.getId().isEmpty()) {
            throw new InvalidEventException("not a valid CloudEvent: id is empty; give the event an id, unique within its source");
        }
        if (event.getSource().toString().isEmpty()) {
            throw new InvalidEventException("not a valid CloudEvent: source is empty; name the event's source, such as /order-service");
        }
        if (event.getType().isEmpty()) {
            throw new InvalidEventException("not a valid CloudEvent: type is empty; name the event's type");
        }
        return event;
    }

    private static void requireUtf8(Headers headers) {
        for (Header header : headers) {
            if (header.key().toLowerCase(Locale.ROOT).startsWith("ce_") && header.value() != null) {
                try {
                    Utf8.decode(header.value());
                } catch (CharacterCodingException e) {
                    throw new InvalidEventException("not a valid CloudEvent: header " + header.key() + " is not UTF-8: send attribute"
                            + " values as UTF-8", e);
                }
            }
        }
    }

    static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
