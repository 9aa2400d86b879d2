package dev.dragoman.gateway.outbox;

import dev.dragoman.gateway.cloudevents.TraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Each attempt to deliver a copy as a span in the trace of the publish that caused it: the child of
 * the copy's distributed-tracing extension, which the stored payload carries (the outbox keeps no
 * trace of its own, only bytes), named {@code deliver <type>}. Its context goes with the copy as
 * {@code traceparent} headers, so that the receiver's own span continues it. With tracing off, the
 * extension's context goes instead, unchanged. A copy without the extension is sent as it was.
 */
public final class TracedTransport implements Transport {

    private final Transport transport;
    private final Propagator propagator;

    /** @param propagator Boot's W3C propagator, which starts a span from a remote parent and writes its headers */
    public TracedTransport(Transport transport, Propagator propagator) {
        this.transport = transport;
        this.propagator = propagator;
    }

    @Override
    public Set<String> schemes() {
        return transport.schemes();
    }

    @Override
    public CompletableFuture<Answer> send(EventStore.Claimed copy, Duration timeout) {
        Optional<TraceContext> cause = TraceContext.ofPayload(copy.payload());
        if (cause.isEmpty()) {
            return transport.send(copy, timeout);
        }
        Span span = propagator.extract(headers(cause.get()), Map::get)
                .name("deliver " + copy.type())
                .kind(Span.Kind.PRODUCER)
                .tag("dragoman.receiver", copy.receiver())
                .tag("dragoman.delivery.kind", copy.kind())
                .tag("dragoman.delivery.attempt", String.valueOf(copy.attempt()))
                .remoteServiceName(copy.receiver())
                .start();
        Map<String, String> sent = new LinkedHashMap<>();
        propagator.inject(span.context(), sent, (carrier, name, value) -> {
            if (name.equals(TraceContext.TRACEPARENT) || name.equals(TraceContext.TRACESTATE)) {
                carrier.put(name, value);
            }
        });
        return transport.send(copy, timeout, sent.isEmpty() ? headers(cause.get()) : sent).whenComplete((answer, error) -> {
            if (error != null) {
                span.error(error);
            } else {
                span.tag("dragoman.delivery.status", answer.status().name().toLowerCase(java.util.Locale.ROOT));
                if (answer.error() != null) {
                    span.tag("error", answer.error());
                }
            }
            span.end();
        });
    }

    private static Map<String, String> headers(TraceContext trace) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TraceContext.TRACEPARENT, trace.traceparent());
        if (trace.tracestate() != null) {
            headers.put(TraceContext.TRACESTATE, trace.tracestate());
        }
        return headers;
    }

    @Override
    public String toString() {
        return transport.toString();
    }
}
