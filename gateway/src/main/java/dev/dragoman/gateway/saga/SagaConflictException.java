package dev.dragoman.gateway.saga;

/** The saga id of a start event already names a saga instance; thrown inside the caller's transaction, so nothing of the event stays. */
public final class SagaConflictException extends RuntimeException {

    public SagaConflictException(String message) {
        super(message, null, false, false);
    }
}
