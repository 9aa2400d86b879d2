package dev.dragoman.gateway.admin;

import dev.dragoman.gateway.filter.Lookups;
import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.rules.DirectionTranslator;
import dev.dragoman.rules.Message;
import dev.dragoman.rules.MessageTranslation;
import dev.dragoman.rules.QueryStrings;
import dev.dragoman.rules.RouteTranslator;
import dev.dragoman.rules.Unresolved;
import dev.dragoman.rules.model.OnUnknown;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * {@code POST /admin/translate}: what a route would make of a request or a response, without
 * sending anything anywhere. It runs the same compiled translators as the route, resolvers
 * included, and lists every value it could not translate instead of refusing.
 */
final class DryRun {

    static final String REQUEST = "request";
    static final String RESPONSE = "response";

    private static final Set<String> MEMBERS = Set.of("route", "direction", "path", "query", "headers", "body");

    /** Numbers are read as written, so that the body given is the body translated. */
    private static final JsonMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** A dry run's input that is not what the API takes: answered 400 with this message. */
    static final class InvalidInput extends RuntimeException {
        InvalidInput(String message) {
            super(message);
        }
    }

    /**
     * One dry run, parsed.
     *
     * @param path raw path after strip-prefix, or null
     * @param query decoded query parameters, or null
     * @param headers or null
     * @param body the JSON body as bytes, or null
     */
    record Input(String route, String direction, String path, Map<String, List<String>> query,
            Map<String, List<String>> headers, byte[] body) {
    }

    private DryRun() {
    }

    /**
     * Parses a dry run.
     *
     * @throws InvalidInput naming what is wrong and how it should look
     */
    static Input parse(byte[] json) {
        JsonNode root;
        try {
            root = READER.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidInput("the body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInput("send a JSON object such as {\"route\": \"my-route\", \"direction\": \"request\", \"path\": \"/games/1\"}");
        }
        for (String name : root.propertyNames()) {
            if (!MEMBERS.contains(name)) {
                throw new InvalidInput("unknown member '" + name + "'; a dry run has route, direction, path, query, headers and body");
            }
        }
        String route = text(root, "route", true);
        String direction = text(root, "direction", false);
        direction = direction == null ? REQUEST : direction;
        if (!direction.equals(REQUEST) && !direction.equals(RESPONSE)) {
            throw new InvalidInput("direction must be request or response but was '" + direction + "'");
        }
        String path = text(root, "path", false);
        if (path != null && !path.startsWith("/")) {
            throw new InvalidInput("path must start with '/' but was '" + path + "' (give the path after strip-prefix, as sent)");
        }
        if (direction.equals(RESPONSE) && (path != null || root.has("query"))) {
            throw new InvalidInput("a response has no " + (path != null ? "path" : "query") + " to translate; send headers and body only");
        }
        byte[] body = root.has("body") ? READER.writeValueAsBytes(root.get("body")) : null;
        return new Input(route, direction, path, values(root, "query"), values(root, "headers"), body);
    }

    private static String text(JsonNode root, String name, boolean required) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidInput("member '" + name + "' is missing");
            }
            return null;
        }
        if (!node.isString()) {
            throw new InvalidInput("member '" + name + "' must be a string but was " + node);
        }
        return node.stringValue();
    }

    /** {@code {"gameCode": ["1", "2"]}}; a single value may be written without the array. */
    private static Map<String, List<String>> values(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new InvalidInput("member '" + name + "' must be an object of names to lists of values, e.g. {\"gameCode\": [\"1\"]}");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            List<String> list = new ArrayList<>();
            if (value.isArray()) {
                for (JsonNode element : value.values()) {
                    list.add(scalar(name, entry.getKey(), element));
                }
            } else {
                list.add(scalar(name, entry.getKey(), value));
            }
            values.put(entry.getKey(), list);
        }
        return values;
    }

    private static String scalar(String member, String name, JsonNode value) {
        if (!value.isValueNode() || value.isNull()) {
            throw new InvalidInput(member + " '" + name + "' must hold strings but holds " + value);
        }
        return value.asString();
    }

    /**
     * Translates, asking the resolvers and translating again when a value needs their answer, like
     * the route does; a resolver that fails makes the outcome {@code resolver-unavailable} or
     * {@code resolver-timeout}, with the problem the route would answer.
     */
    static Mono<Map<String, Object>> run(ServedModel served, RouteTranslator route, Input input) {
        DirectionTranslator rules = input.direction().equals(REQUEST) ? route.request() : route.response();
        Message message = new Message(input.path(), input.query() == null ? null : QueryStrings.encode(input.query()),
                input.headers(), input.body());
        // every part's values are asked about, an ambiguous path's too: a dry run shows everything
        return Lookups.translate(route.route().id(), served.translators(), () -> rules.translate(message).requireReadableBody(),
                        MessageTranslation::unresolvedPerPart)
                .map(translation -> answer(served, route, input, translation))
                .onErrorResume(ErrorResponseException.class, e -> {
                    Map<String, Object> answer = answer(served, route, input, rules.translate(message).requireReadableBody());
                    String type = e.getBody().getType().getPath();
                    answer.put("outcome", type.substring(type.lastIndexOf('/') + 1));
                    answer.put("problem", problem(e.getBody()));
                    return Mono.just(answer);
                });
    }

    private static Map<String, Object> problem(ProblemDetail problem) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", problem.getType().toString());
        view.put("title", problem.getTitle());
        view.put("status", problem.getStatus());
        view.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            view.putAll(problem.getProperties());
        }
        return view;
    }

    private static Map<String, Object> answer(ServedModel served, RouteTranslator route, Input input, MessageTranslation translation) {
        Message translated = translation.message();
        List<Unresolved> unresolved = translation.unresolvedPerPart();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("route", route.route().id());
        answer.put("direction", input.direction());
        answer.put("modelVersion", served.version());
        if (translated.path() != null) {
            answer.put("path", translated.path());
        }
        if (translated.query() != null) {
            answer.put("query", parameters(input.query(), translated.query()));
        }
        if (translated.headers() != null) {
            answer.put("headers", translated.headers());
        }
        if (translated.body() != null) {
            // The translated bytes as they would be sent: spliced, not re-generated.
            answer.put("body", new RawValue(new String(translated.body(), StandardCharsets.UTF_8)));
        }
        answer.put("translated", translation.translated());
        answer.put("unresolved", unresolved.stream().map(DryRun::unresolved).toList());
        answer.put("outcome", outcome(route, unresolved));
        return answer;
    }

    /** The translated query as the parameters it was given as: each name in its place, with no value if it had none. */
    private static Map<String, List<String>> parameters(Map<String, List<String>> given, String translatedQuery) {
        Map<String, List<String>> decoded = QueryStrings.decode(translatedQuery);
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        given.keySet().forEach(name -> parameters.put(name, decoded.getOrDefault(name, List.of())));
        return parameters;
    }

    /**
     * What the route would do: {@code translated}, {@code rejected} (422 for a request, 502 for a response) or {@code passed};
     * {@link #run} makes it {@code resolver-unavailable} or {@code resolver-timeout} when a resolver failed.
     */
    private static String outcome(RouteTranslator route, List<Unresolved> unresolved) {
        if (unresolved.isEmpty()) {
            return "translated";
        }
        return route.route().onUnknown() == OnUnknown.REJECT ? "rejected" : "passed";
    }

    private static Map<String, Object> unresolved(Unresolved unresolved) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("location", unresolved.location());
        view.put("value", unresolved.value());
        view.put("rule", unresolved.rule());
        view.put("reason", unresolved.reasonName());
        return view;
    }
}
