package dev.dragoman.rules;

/** A body declared as JSON that is not JSON: the gateway answers 400 for a request, 502 for a response. */
public class MalformedJsonException extends RuntimeException {
    private final long byteOffset;

    public MalformedJsonException(String message, long byteOffset, Throwable cause) {
        super(message, cause);
        this.byteOffset = byteOffset;
    }

    /** Where in the body the problem was found, or -1. */
    public long byteOffset() {
        return byteOffset;
    }
}
