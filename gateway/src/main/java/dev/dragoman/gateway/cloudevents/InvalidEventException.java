package dev.dragoman.gateway.cloudevents;

/** A request to {@code POST /events} that is not a CloudEvent Dragoman can take: answered 400 with this message. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
