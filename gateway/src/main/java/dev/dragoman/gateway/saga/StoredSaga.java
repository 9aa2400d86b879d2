package dev.dragoman.gateway.saga;

import dev.dragoman.gateway.cloudevents.TraceContext;

/**
 * A saga instance as stored: the machine's state, the declaration it runs by, its receivers, and
 * the trace its start event came in (null for none, or a saga stored before tracing).
 */
record StoredSaga(SagaState state, SagaDeclaration declaration, Receivers receivers, TraceContext trace) {

    StoredSaga(SagaState state, SagaDeclaration declaration, Receivers receivers) {
        this(state, declaration, receivers, null);
    }
}
