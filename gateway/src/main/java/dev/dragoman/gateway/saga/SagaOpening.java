package dev.dragoman.gateway.saga;

import dev.dragoman.gateway.cloudevents.TraceContext;
import dev.dragoman.rules.model.Saga;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What opening a saga instance needs to know, fixed when its start event is accepted: besides
 * the saga and its deadline, each receiver of the outcome with the start event's data as that
 * receiver sees it, and the endpoint its outcome and compensations go to (the one the start
 * event's copy to it went to, docs/SAGAS.md).
 *
 * @param data receiver -> the start event's data as that receiver sees it (null for none)
 * @param endpoints receiver -> where its outcome and compensations go ("" for nowhere)
 * @param trace the start event's trace, which the saga's outcome and compensations carry, or null
 */
public record SagaOpening(Saga saga, String sagaId, String initiator, Instant deadline, String dataContentType, Map<String, byte[]> data,
        Map<String, String> endpoints, TraceContext trace) {

    public SagaOpening(Saga saga, String sagaId, String initiator, Instant deadline, String dataContentType, Map<String, byte[]> data,
            Map<String, String> endpoints) {
        this(saga, sagaId, initiator, deadline, dataContentType, data, endpoints, null);
    }

    public SagaOpening {
        Objects.requireNonNull(saga, "saga");
        Objects.requireNonNull(sagaId, "sagaId");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(endpoints, "endpoints");
    }
}
