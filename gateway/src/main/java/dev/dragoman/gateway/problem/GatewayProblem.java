package dev.dragoman.gateway.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ProblemDetail;

/**
 * A problem with details for the operators only: the upstream's address, the callee's values,
 * the cause. They are held in a field without a getter rather than in the properties, so that
 * no serialiser (ours, Spring's codecs, Jackson's bean introspection) can show them to the caller;
 * {@link ProblemWriter} logs them and keeps them for {@code GET /admin/problems/{requestId}}.
 */
final class GatewayProblem extends ProblemDetail {

    private final Map<String, Object> internal = new LinkedHashMap<>();

    GatewayProblem(int status) {
        super(status);
    }

    void putInternal(String name, Object value) {
        internal.put(name, value);
    }

    Map<String, Object> internal() {
        return Collections.unmodifiableMap(internal);
    }
}
