package dev.dragoman.gateway.admin;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.dragoman.gateway.filter.Lookups;
import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.gateway.problem.Problem;
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
 * included, and lists every value it could not translate instead of refusing. Public for the
 * console's Try it (admin.console), which shows the same run side by side.
 */
public final class DryRun {

    public static final String REQUEST = "request";
    public static final String RESPONSE = "response";

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
    public record Input(String route, String direction, String path, Map<String, List<String>> query,
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
    public static Mono<Answer> run(ServedModel served, RouteTranslator route, Input input) {
        DirectionTranslator rules = input.direction().equals(REQUEST) ? route.request() : route.response();
        Message message = new Message(input.path(), input.query() == null ? null : QueryStrings.encode(input.query()),
                input.headers(), input.body());
        // every part's values are asked about, an ambiguous path's too: a dry run shows everything
        return Lookups.translate(route.route().id(), served.translators(), () -> rules.translate(message).requireReadableBody(),
                        MessageTranslation::unresolvedPerPart)
                .map(translation -> answer(served, route, input, translation))
                .onErrorResume(ErrorResponseException.class, e -> Mono.just(
                        answer(served, route, input, rules.translate(message).requireReadableBody()).failed(e.getBody())));
    }

    /**
     * The answer (docs/ADMIN.md): a part of the message is shown only when the translated message
     * has it, the problem only when a resolver failed; every other member is always written.
     */
    @JsonPropertyOrder({"route", "direction", "modelVersion", "path", "query", "headers", "body", "translated", "unresolved", "outcome",
            "problem"})
    public record Answer(String route, String direction, long modelVersion, @JsonInclude(JsonInclude.Include.NON_NULL) String path,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, List<String>> query,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, List<String>> headers,
            @JsonInclude(JsonInclude.Include.NON_NULL) RawValue body, int translated, List<Problem.UnresolvedValue> unresolved,
            String outcome, @JsonInclude(JsonInclude.Include.NON_NULL) ProblemView problem) {

        /** The same answer, its outcome named by the problem's type ({@code resolver-unavailable}...), with the problem. */
        Answer failed(ProblemDetail failure) {
            String type = failure.getType().getPath();
            return new Answer(route, direction, modelVersion, path, query, headers, body, translated, unresolved,
                    type.substring(type.lastIndexOf('/') + 1), ProblemView.of(failure));
        }
    }

    /** The problem the route would answer: RFC 9457's members, then the problem's own. */
    @JsonPropertyOrder({"type", "title", "status", "detail"})
    public record ProblemView(String type, String title, int status, String detail, @JsonAnyGetter Map<String, Object> properties) {

        static ProblemView of(ProblemDetail problem) {
            return new ProblemView(problem.getType().toString(), problem.getTitle(), problem.getStatus(), problem.getDetail(),
                    problem.getProperties() == null ? Map.of() : problem.getProperties());
        }
    }

    private static Answer answer(ServedModel served, RouteTranslator route, Input input, MessageTranslation translation) {
        Message translated = translation.message();
        List<Unresolved> unresolved = translation.unresolvedPerPart();
        return new Answer(route.route().id(), input.direction(), served.version(), translated.path(),
                translated.query() == null ? null : parameters(input.query(), translated.query()), translated.headers(),
                // The translated bytes as they would be sent: spliced, not re-generated.
                translated.body() == null ? null : new RawValue(new String(translated.body(), StandardCharsets.UTF_8)),
                translation.translated(), unresolved.stream().map(Problem::error).toList(), outcome(route, unresolved), null);
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
}
