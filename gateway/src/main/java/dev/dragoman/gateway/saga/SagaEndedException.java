package dev.dragoman.gateway.saga;

/** An operator asked to abort a saga that had already ended: there is nothing left to abort, and nothing was changed. */
public final class SagaEndedException extends RuntimeException {

    private final transient SagaState state;

    SagaEndedException(SagaState state) {
        super("saga " + state.sagaId() + " already ended " + state.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + " at " + state.endedAt() + ": only an open or confirming saga can be aborted", null, false, false);
        this.state = state;
    }

    /** The saga as it ended. */
    public SagaState state() {
        return state;
    }
}
