package dev.dragoman.gateway.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The CloudEvents Dragoman sends, in the JSON event format (structured mode). Every copy carries
 * {@code sagaid} (when there is one), {@code deadline} and {@code expirytime} (SPEC section 5).
 */
public final class OutgoingEvents {

    /** The SDK's serializer writes JSON data as it is, byte for byte (unlike its parser). */
    private static final JsonFormat FORMAT = new JsonFormat();

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
        return FORMAT.serialize(withSaga(builder, sagaId, deadline, deadline).build());
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
        CloudEventBuilder builder = CloudEventBuilder.v1().withId(id).withSource(java.net.URI.create(source)).withType(type)
                .withTime(utc(now));
        if (data != null) {
            builder.withData(dataContentType == null ? "application/json" : dataContentType, data);
        }
        return FORMAT.serialize(withSaga(builder, sagaId, deadline, expiry).build());
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
