package dev.dragoman.gateway.intake;

import dev.dragoman.gateway.cloudevents.TraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The trace of the publish being read, as the W3C context its copies carry: the current span of
 * the thread that reads it (the server span of {@code POST /events}, which continues the caller's
 * {@code traceparent}; the listener span of a Kafka record, which continues the record's), written
 * by the same propagator that writes it on the gateway's outgoing HTTP calls. Null when there is
 * none (tracing off: {@code management.tracing.export.enabled=false}).
 */
final class CurrentTrace implements Supplier<TraceContext> {

    private final Tracer tracer;
    private final Propagator propagator;

    CurrentTrace(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public TraceContext get() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        String parent = carrier.get(TraceContext.TRACEPARENT);
        return parent == null ? null : new TraceContext(parent, carrier.get(TraceContext.TRACESTATE));
    }
}
