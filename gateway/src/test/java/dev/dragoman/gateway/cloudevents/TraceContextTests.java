package dev.dragoman.gateway.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceContextTests {

    static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");

    @Test
    void readsTheTraceIdOfAW3cTraceparent() {
        assertThat(new TraceContext(PARENT, "congo=t61rcWkgMzE").traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void takesALaterVersionWithMoreFields_asW3cAsks() {
        assertThat(new TraceContext("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-comes-later", null).traceId())
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00-abc-def-01", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", ""})
    void refusesWhatIsNotATraceparent_sayingWhatOneLooksLike(String traceparent) {
        assertThatThrownBy(() -> new TraceContext(traceparent, null)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("traceparent '" + traceparent + "'");
    }

    @Test
    void refusesATracestateWithoutTraceparent() {
        CloudEvent event = event().withExtension("tracestate", "vendor=x").build();
        assertThatThrownBy(() -> TraceContext.of(event)).isInstanceOf(InvalidEventException.class).hasMessageContaining("no traceparent");
    }

    @Test
    void anEventWithoutTheExtension_hasNone() {
        assertThat(TraceContext.of(event().build())).isEmpty();
    }

    @Test
    void putOnAnEvent_isReadBackFromItAndFromItsCopy() {
        TraceContext trace = new TraceContext(PARENT, "vendor=x");
        CloudEvent traced = trace.on(event().build());
        assertThat(TraceContext.of(traced)).contains(trace);
        byte[] copy = OutgoingEvents.copy(traced, "{\"a\":{\"traceparent\":\"not this one\"}}".getBytes(StandardCharsets.UTF_8), "s1", NOW);
        assertThat(TraceContext.ofPayload(copy)).contains(trace);
    }

    @Test
    void dragomansOwnEvents_carryTheSagasTrace_orNone() {
        TraceContext trace = new TraceContext(PARENT, null);
        byte[] outcome = OutgoingEvents.own("s1/order.cancelled", "/dragoman/sagas/x", "order.cancelled", null, "{}".getBytes(StandardCharsets.UTF_8),
                "s1", NOW, NOW, NOW, trace);
        assertThat(TraceContext.ofPayload(outcome)).contains(trace);
        byte[] untraced = OutgoingEvents.own("s1/order.cancelled", "/dragoman/sagas/x", "order.cancelled", null, null, "s1", NOW, NOW, NOW);
        assertThat(TraceContext.ofPayload(untraced)).isEmpty();
    }

    @Test
    void aPayloadThatIsNotAnEvent_hasNoTrace() {
        assertThat(TraceContext.ofPayload("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(TraceContext.ofPayload("[1]".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(TraceContext.ofPayload("{\"traceparent\":\"00-bad\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    static CloudEventBuilder event() {
        return CloudEventBuilder.v1().withId("e1").withSource(URI.create("/order-service")).withType("order.note");
    }
}
