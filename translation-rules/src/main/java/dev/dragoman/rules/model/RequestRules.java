package dev.dragoman.rules.model;

import java.util.List;
import java.util.Map;

/** Rules for a request, written in the caller's vocabulary and sent in the callee's. */
public record RequestRules(
        List<PathTemplate> pathTemplates,
        Map<String, IdentifierRef> query,
        Map<String, IdentifierRef> headers,
        Map<JsonPath, IdentifierRef> body) {

    public static final RequestRules NONE = new RequestRules(List.of(), Map.of(), Map.of(), Map.of());

    public RequestRules {
        pathTemplates = Collections2.list(pathTemplates);
        query = Collections2.copyOrdered(query);
        headers = Collections2.copyOrdered(headers);
        body = Collections2.copyOrdered(body);
    }
}
