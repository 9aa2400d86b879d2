package dev.dragoman.tools.maptest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one request a WireMock request pattern describes, when it describes exactly one: a method, a URL or URL path with
 * {@code equalTo} query parameters, {@code equalTo} headers and at most one {@code equalToJson} body. Anything wider (a
 * regex URL, a {@code matches} or {@code contains} matcher, cookies) describes many requests, and guessing one would
 * test the guess rather than the stub, so it is answered as a reason to skip instead.
 *
 * @param pathAndQuery the URL as the pattern gives it ({@code /games/2?x=1}), without any route prefix
 * @param body null for none
 */
record ConcreteRequest(String method, String pathAndQuery, Map<String, String> headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> CONCRETE = Set.of("method", "url", "urlPath", "queryParameters", "headers", "bodyPatterns");

    /** A request, or why there is none. Exactly one of the two is non-null. */
    record Made(ConcreteRequest request, String whyNot) {
    }

    static Made of(JsonNode pattern) {
        for (String key : pattern.propertyNames()) {
            if (key.equals("urlPattern") || key.equals("urlPathPattern") || key.equals("urlPathTemplate")) {
                return whyNot("its URL is a pattern (" + key + "), not one URL");
            }
            if (!CONCRETE.contains(key)) {
                return whyNot("its '" + key + "' matcher does not describe one request");
            }
        }
        String method = pattern.path("method").asString("ANY");
        method = method.equals("ANY") ? "GET" : method;
        StringBuilder url = new StringBuilder();
        if (pattern.has("url")) {
            url.append(pattern.get("url").asString());
        } else if (pattern.has("urlPath")) {
            url.append(pattern.get("urlPath").asString());
        } else {
            return whyNot("it matches any URL");
        }
        List<String> query = new ArrayList<>();
        for (Map.Entry<String, JsonNode> parameter : pattern.path("queryParameters").properties()) {
            String value = equalTo(parameter.getValue());
            if (value == null) {
                return whyNot("query parameter " + parameter.getKey() + " is matched by " + matcherName(parameter.getValue())
                        + ", not equalTo");
            }
            query.add(encode(parameter.getKey()) + "=" + encode(value));
        }
        if (!query.isEmpty()) {
            url.append(url.indexOf("?") < 0 ? '?' : '&').append(String.join("&", query));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> header : pattern.path("headers").properties()) {
            String value = equalTo(header.getValue());
            if (value == null) {
                return whyNot("header " + header.getKey() + " is matched by " + matcherName(header.getValue()) + ", not equalTo");
            }
            headers.put(header.getKey(), value);
        }
        String body = null;
        JsonNode bodyPatterns = pattern.path("bodyPatterns");
        if (bodyPatterns.size() > 1) {
            return whyNot("it has " + bodyPatterns.size() + " body patterns, not one equalToJson");
        }
        if (bodyPatterns.size() == 1) {
            JsonNode json = bodyPatterns.get(0).get("equalToJson");
            if (json == null) {
                return whyNot("its body is matched by " + matcherName(bodyPatterns.get(0)) + ", not equalToJson");
            }
            body = json.isString() ? json.asString() : JSON.writeValueAsString(json);
            if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                headers.put("Content-Type", "application/json");
            }
        }
        return new Made(new ConcreteRequest(method, url.toString(), headers, body), null);
    }

    /** The value of a matcher that is {@code {"equalTo": v}} and nothing else (a case-insensitive one is not one value). */
    private static String equalTo(JsonNode matcher) {
        if (matcher.size() == 1 && matcher.has("equalTo") && matcher.get("equalTo").isValueNode()) {
            return matcher.get("equalTo").asString();
        }
        return null;
    }

    private static String matcherName(JsonNode matcher) {
        List<String> names = new ArrayList<>();
        matcher.propertyNames().forEach(names::add);
        return names.isEmpty() ? "nothing" : "'" + String.join("', '", names) + "'";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Made whyNot(String reason) {
        return new Made(null, reason);
    }

    /** As the report shows it: {@code GET /games/2}. */
    String describe(String prefix) {
        return method + " " + prefix + pathAndQuery;
    }
}
