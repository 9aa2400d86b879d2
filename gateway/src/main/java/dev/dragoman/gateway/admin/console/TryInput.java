package dev.dragoman.gateway.admin.console;

import dev.dragoman.gateway.admin.DryRun;
import dev.dragoman.rules.QueryStrings;
import dev.dragoman.rules.model.Route;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Try it's form, read: the path as the caller sends it (the route's prefix stripped here, as the
 * route strips it, so that people paste what they send), a query string, headers one per line
 * ({@code Name: value}) and a JSON body.
 *
 * @param sentPath the path as given, or null
 * @param path the path after strip-prefix, as the dry run takes it, or null
 * @param body the body, or null
 */
record TryInput(Route route, String direction, String sentPath, String path, Map<String, List<String>> query,
        Map<String, List<String>> headers, JsonNode body) {

    /** Numbers read as written, as the dry run reads them. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** A form the dry run cannot take; its message says what to change. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    static TryInput of(Route route, String direction, String path, String query, String headers, String body) {
        direction = direction.isBlank() ? DryRun.REQUEST : direction.strip();
        if (!direction.equals(DryRun.REQUEST) && !direction.equals(DryRun.RESPONSE)) {
            throw new Invalid("direction must be request or response but was '" + direction + "'");
        }
        path = path.strip();
        query = query.strip();
        int mark = path.indexOf('?');
        if (mark >= 0) {
            if (!query.isEmpty()) {
                throw new Invalid("the path holds a query (" + path.substring(mark) + ") and the query field another: give it once");
            }
            query = path.substring(mark + 1);
            path = path.substring(0, mark);
        }
        query = query.startsWith("?") ? query.substring(1) : query;
        if (direction.equals(DryRun.RESPONSE) && (!path.isEmpty() || !query.isEmpty())) {
            throw new Invalid("a response has no " + (path.isEmpty() ? "query" : "path") + " to translate; give headers and a body");
        }
        String stripped = null;
        if (!path.isEmpty()) {
            if (!path.startsWith("/")) {
                throw new Invalid("the path must start with '/' but was '" + path + "'");
            }
            if (!PathPatternParser.defaultInstance.parse(route.path()).matches(PathContainer.parsePath(path))) {
                throw new Invalid("route " + route.id() + " serves " + route.path() + ", and " + path
                        + " is not under it; give the path as the caller sends it");
            }
            stripped = stripPrefix(path, route.stripPrefix());
        }
        return new TryInput(route, direction, path.isEmpty() ? null : path, stripped,
                query.isEmpty() ? null : QueryStrings.decode(query), headers(headers), body(body));
    }

    /** The dry run's own input. */
    DryRun.Input dryRun() {
        return new DryRun.Input(route.id(), direction, path, query, headers,
                body == null ? null : JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }

    boolean request() {
        return direction.equals(DryRun.REQUEST);
    }

    /** As Spring Cloud Gateway's StripPrefix: the first segments dropped, the rest kept as they were. */
    static String stripPrefix(String path, int segments) {
        if (segments == 0) {
            return path;
        }
        String[] parts = path.substring(1).split("/", -1);
        if (segments >= parts.length) {
            return "/";
        }
        return "/" + String.join("/", Arrays.asList(parts).subList(segments, parts.length));
    }

    private static Map<String, List<String>> headers(String text) {
        if (text.isBlank()) {
            return null;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new Invalid("write one header a line, as Name: value; this line is not: '" + line.strip() + "'");
            }
            headers.computeIfAbsent(line.substring(0, colon).strip(), name -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        return headers;
    }

    private static JsonNode body(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            throw new Invalid("the body is not JSON: " + e.getOriginalMessage());
        }
    }
}
