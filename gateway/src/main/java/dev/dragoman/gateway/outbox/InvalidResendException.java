package dev.dragoman.gateway.outbox;

/** A re-send that cannot be done as asked (no copies, too many, a deadline not in the future); nothing was changed. */
public final class InvalidResendException extends RuntimeException {

    private final String parameter;

    public InvalidResendException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The request's member at fault: {@code copies} or {@code deadline}. */
    public String parameter() {
        return parameter;
    }
}
