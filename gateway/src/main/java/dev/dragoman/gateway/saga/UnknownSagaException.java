package dev.dragoman.gateway.saga;

/** A report names no saga instance, or one of another saga; thrown inside the caller's transaction, so nothing of the report stays. */
public final class UnknownSagaException extends RuntimeException {

    public UnknownSagaException(String message) {
        super(message, null, false, false);
    }
}
