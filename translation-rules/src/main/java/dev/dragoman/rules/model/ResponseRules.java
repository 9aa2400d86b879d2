package dev.dragoman.rules.model;

import java.util.Map;

/** Rules for a response, written in the callee's vocabulary and returned in the caller's. */
public record ResponseRules(Map<String, IdentifierRef> headers, Map<JsonPath, IdentifierRef> body) {

    public static final ResponseRules NONE = new ResponseRules(Map.of(), Map.of());

    public ResponseRules {
        headers = Collections2.copyOrdered(headers);
        body = Collections2.copyOrdered(body);
    }
}
