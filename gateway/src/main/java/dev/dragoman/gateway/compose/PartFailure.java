package dev.dragoman.gateway.compose;

import java.util.Locale;

/**
 * Why a part has no value: a gap in the answer when the part is optional, the 502 when it is
 * required. The detail never holds the callee's words (its error body, an identifier it named).
 *
 * @param status the upstream's status when {@code reason} is {@link Reason#STATUS}, else null
 */
record PartFailure(Reason reason, Integer status, String detail) {

    /** Each reason's name in the answer is its lower-case, dashed form: {@code not-json}. */
    enum Reason {
        /** The upstream answered other than 2xx. */
        STATUS,
        /** No answer within the part's timeout. */
        TIMEOUT,
        /** No connection, or the connection broke. */
        UNREACHABLE,
        /** The answer names something the route cannot translate back (its on-unknown is reject). */
        UNTRANSLATABLE,
        /** The answer is not a JSON document. */
        NOT_JSON,
        /** The answer exceeds dragoman.max-body-size. */
        TOO_LARGE,
        /** The answer has nothing at the part's {@code select}. */
        MISSING,
        /** A resolver the translation needs did not answer. */
        RESOLVER_UNAVAILABLE;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    static PartFailure of(Reason reason, String detail) {
        return new PartFailure(reason, null, detail);
    }

    static PartFailure status(int status) {
        return new PartFailure(Reason.STATUS, status, "the upstream answered " + status);
    }
}
