package dev.dragoman.gateway.problem;

import java.net.URI;
import java.util.Locale;

/**
 * Every kind of problem Dragoman answers with, in one place: the last segment of each RFC 9457
 * {@code type} URI that clients and contract tests match on. {@link Problem#of} takes only these,
 * so a new kind is added here, and {@code ProblemTypeTests} checks that the docs' problem tables
 * (docs/HTTP.md, docs/EVENTS.md, docs/ADMIN.md) list exactly these.
 */
public enum ProblemType {

    // A request through a route (docs/HTTP.md)
    MALFORMED_JSON,
    AMBIGUOUS_PATH,
    MALFORMED_HEADER,
    REQUEST_ABORTED,
    UNAUTHENTICATED,
    WRONG_CONTEXT,
    NOT_ADMIN,
    NO_ROUTE,
    BODY_TOO_LARGE,
    UNSUPPORTED_CHARSET,
    UNSUPPORTED_ENCODING,
    UNTRANSLATABLE_IDENTIFIER,
    INTERNAL_ERROR,
    UPSTREAM_UNAVAILABLE,
    UPSTREAM_TIMEOUT,
    RESOLVER_UNAVAILABLE,
    RESOLVER_TIMEOUT,
    // A route's policies (docs/HTTP.md, "Route policies")
    METHOD_NOT_ALLOWED,
    RATE_LIMITED,
    CIRCUIT_OPEN,
    CORS_REFUSED,
    // A composed read (docs/HTTP.md, "Composed reads")
    COMPOSITION_PART_FAILED,

    // A published event (docs/EVENTS.md)
    INVALID_EVENT,
    EVENT_NOT_PUBLISHABLE,
    EVENT_TOO_LARGE,
    UNKNOWN_SAGA,
    EVENT_ID_CONFLICT,
    SAGA_EXISTS,
    EVENT_STORE_UNAVAILABLE,

    // The admin API (docs/ADMIN.md)
    MAPS_REFUSED,
    UNKNOWN_ROUTE,
    INVALID_DRY_RUN,
    INVALID_QUERY,
    UNKNOWN_EVENT,
    UNKNOWN_PROBLEM,
    SAGA_ENDED,
    INVALID_ABORT;

    static final String BASE = "https://dragoman.dev/problems/";

    /** The segment after {@code https://dragoman.dev/problems/}, e.g. {@code untranslatable-identifier}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public URI uri() {
        return URI.create(BASE + slug());
    }
}
