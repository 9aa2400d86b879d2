package dev.dragoman.kit;

import tools.jackson.databind.JsonNode;

/**
 * The service's code the kit runs when a saga did not end confirmed: a step's compensation (given
 * the step's completed data with the delta fields negated) or an initiator's
 * {@code onNotConfirmed} (given the start event's data). It runs in a transaction with the row
 * that records it ran; throwing rolls both back, and it runs again later.
 */
@FunctionalInterface
public interface SagaAction {

    void run(String sagaId, JsonNode data) throws Exception;
}
