package dev.dragoman.rules;

/**
 * The limits of the JSON the engine reads, public so that every reader in front of it (the
 * event intake, the gateway's own checks) refuses the same documents for the same reason.
 */
public final class JsonLimits {

    /**
     * How deep objects and arrays may nest: a document nesting deeper is refused as malformed
     * JSON (a bound on the walk's stack and on the parser's, equal to Jackson's default).
     */
    public static final int MAX_NESTING_DEPTH = 500;

    private JsonLimits() {
    }
}
