package dev.dragoman.gateway.cloudevents;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The CloudEvents distributed-tracing extension: a W3C Trace Context ({@code traceparent},
 * {@code tracestate}) that an event carries from the publish that caused it to every copy of it
 * (docs/EVENTS.md, "Tracing"). A value, checked as it comes: a malformed {@code traceparent} is
 * refused like any other malformed attribute, rather than passed on to every subscriber's tracer.
 *
 * @param traceparent {@code 00-<trace id>-<parent id>-<flags>}
 * @param tracestate the vendors' list, or null
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    /**
     * Version, trace id, parent id, flags (W3C Trace Context, section 3.2): lower-case hex only; a
     * later version may add fields after the flags, which this reads past, as the standard asks.
     */
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}(-.*)?");
    /** Room for a later version's fields (the store's column holds 256). */
    private static final int MAX_TRACEPARENT = 256;
    /** The W3C's limit: 32 list members of at most 256 characters each, and some separators. */
    private static final int MAX_TRACESTATE = 512;
    private static final JsonFactory JSON = new JsonFactory();

    public TraceContext {
        if (traceparent == null || traceparent.length() > MAX_TRACEPARENT || !FORMAT.matcher(traceparent).matches() || traceparent.startsWith("ff")
                || (traceparent.startsWith("00") && traceparent.length() != 55)) {
            throw new InvalidEventException("traceparent '" + traceparent + "' is not a W3C traceparent such as"
                    + " 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01 (version-traceid-parentid-flags, lower-case hex)");
        }
        if (traceparent.substring(3, 35).chars().allMatch(c -> c == '0') || traceparent.substring(36, 52).chars().allMatch(c -> c == '0')) {
            throw new InvalidEventException("traceparent '" + traceparent + "' has a trace id or parent id of zeros, which W3C Trace"
                    + " Context calls invalid");
        }
        if (tracestate != null && tracestate.isBlank()) {
            tracestate = null;
        }
        if (tracestate != null && tracestate.length() > MAX_TRACESTATE) {
            throw new InvalidEventException("tracestate is " + tracestate.length() + " characters long; W3C Trace Context allows at most "
                    + MAX_TRACESTATE);
        }
    }

    /** The 32 hex digits that name the trace. */
    public String traceId() {
        return traceparent.substring(3, 35);
    }

    /**
     * The event's own extension, if it carries one.
     *
     * @throws InvalidEventException when it is malformed, or a {@code tracestate} comes without a {@code traceparent}
     */
    public static Optional<TraceContext> of(CloudEvent event) {
        Object parent = event.getExtension(TRACEPARENT);
        Object state = event.getExtension(TRACESTATE);
        if (parent == null) {
            if (state != null) {
                throw new InvalidEventException("the event has a tracestate extension but no traceparent: the distributed-tracing"
                        + " extension needs both, or traceparent alone");
            }
            return Optional.empty();
        }
        return Optional.of(new TraceContext(parent.toString(), state == null ? null : state.toString()));
    }

    /** The event with this context as its distributed-tracing extension. */
    public CloudEvent on(CloudEvent event) {
        CloudEventBuilder builder = CloudEventBuilder.v1(event).withExtension(TRACEPARENT, traceparent);
        return (tracestate == null ? builder : builder.withExtension(TRACESTATE, tracestate)).build();
    }

    CloudEventBuilder on(CloudEventBuilder builder) {
        builder.withExtension(TRACEPARENT, traceparent);
        return tracestate == null ? builder : builder.withExtension(TRACESTATE, tracestate);
    }

    /**
     * The extension of a copy as the outbox stores it (the JSON event format {@link OutgoingEvents}
     * writes), without reading its data: a delivery's span and its Kafka headers are made from it.
     * Empty for a copy without one, or one that is not such a document.
     */
    public static Optional<TraceContext> ofPayload(byte[] payload) {
        String parent = null;
        String state = null;
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (TRACEPARENT.equals(name) && value == JsonToken.VALUE_STRING) {
                    parent = parser.getString();
                } else if (TRACESTATE.equals(name) && value == JsonToken.VALUE_STRING) {
                    state = parser.getString();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (parent == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TraceContext(parent, state));
        } catch (InvalidEventException e) {
            return Optional.empty();
        }
    }
}
