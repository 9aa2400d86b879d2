package dev.dragoman.gateway.cloudevents;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * The CloudEvents Dragoman sends, in the JSON event format (structured mode). Every copy carries
 * {@code sagaid} (when there is one), {@code deadline} and {@code expirytime} (SPEC section 5), and
 * the distributed-tracing extension ({@link TraceContext}) when its cause had one: a subscriber's
 * copy keeps the published event's, which intake gave it (docs/EVENTS.md, "Tracing").
 */
public final class OutgoingEvents {

    /** The SDK's serializer writes JSON data as it is, byte for byte (unlike its parser). */
    private static final JsonFormat FORMAT = new JsonFormat();
    /** For data the SDK takes for JSON by its content type, but that is not: base64, so that the copy is still JSON. */
    private static final JsonFormat BASE64 = new JsonFormat(true, false);
    /** The SDK serializer's own test of a JSON content type (JsonFormat.dataIsJsonContentType, not public). */
    private static final Pattern SDK_JSON = Pattern.compile("^(application|text)/([a-zA-Z]+\\+)?json(;.*)*$");

    public static final String SAGA_ID = "sagaid";
    public static final String DEADLINE = "deadline";
    public static final String EXPIRY_TIME = "expirytime";

    private OutgoingEvents() {
    }

    /** A subscriber's copy of a published event: its own attributes, the translated data. */
    public static byte[] copy(CloudEvent published, byte[] data, String sagaId, Instant deadline) {
        CloudEventBuilder builder = CloudEventBuilder.v1(published);
        if (data != null) {
            builder.withData(published.getDataContentType(), data);
        }
        return format(published.getDataContentType(), data).serialize(withSaga(builder, sagaId, deadline, deadline).build());
    }

    /**
     * An event of Dragoman's own (a saga's outcome or a compensation).
     *
     * @param deadline the saga's deadline, carried as {@code deadline}
     * @param expiry until when it may be delivered, carried as {@code expirytime}: a compensation
     *               is sent after the saga's deadline by nature, and must not look expired
     */
    public static byte[] own(String id, String source, String type, String dataContentType, byte[] data, String sagaId, Instant deadline,
            Instant expiry, Instant now) {
        return own(id, source, type, dataContentType, data, sagaId, deadline, expiry, now, null);
    }

    /** {@link #own(String, String, String, String, byte[], String, Instant, Instant, Instant)} in a trace: the saga's, or null for none. */
    public static byte[] own(String id, String source, String type, String dataContentType, byte[] data, String sagaId, Instant deadline,
            Instant expiry, Instant now, TraceContext trace) {
        CloudEventBuilder builder = CloudEventBuilder.v1().withId(id).withSource(java.net.URI.create(source)).withType(type)
                .withTime(utc(now));
        if (trace != null) {
            trace.on(builder);
        }
        String contentType = dataContentType == null ? "application/json" : dataContentType;
        if (data != null) {
            builder.withData(contentType, data);
        }
        return format(contentType, data).serialize(withSaga(builder, sagaId, deadline, expiry).build());
    }

    /**
     * The JSON event format writes data raw when its content type says JSON (or is absent): it
     * must then be one JSON value, or the copy is not JSON. Opaque bytes without a content type
     * (binary mode, data_base64) travel as data_base64 instead.
     */
    private static JsonFormat format(String contentType, byte[] data) {
        boolean raw = contentType == null || SDK_JSON.matcher(contentType).matches();
        return data == null || !raw || JsonData.isValue(data) ? FORMAT : BASE64;
    }

    private static CloudEventBuilder withSaga(CloudEventBuilder builder, String sagaId, Instant deadline, Instant expiry) {
        if (sagaId != null) {
            builder.withExtension(SAGA_ID, sagaId);
        }
        return builder.withExtension(DEADLINE, utc(deadline)).withExtension(EXPIRY_TIME, utc(expiry));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
