package dev.dragoman.tools.stubs;

import dev.dragoman.rules.BodyTranslation;
import dev.dragoman.rules.DirectionTranslator;
import dev.dragoman.rules.MalformedJsonException;
import dev.dragoman.rules.TextTranslation;
import dev.dragoman.rules.Unresolved;
import dev.dragoman.rules.ValuesTranslation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates one WireMock mapping by a {@link StubRoute}: the request's URL, query and header matchers and JSON body
 * patterns by its request direction, the response's headers and inline body by its response direction. Works on a copy
 * of the tree and changes only the values a rule names, so every other field stays exactly as it was. A matcher it
 * cannot translate soundly is a {@link StubProblem}, never a guess: a regex or {@code contains} over an identifier
 * matches values of one vocabulary only, and a templated body writes identifiers nobody can see before WireMock renders it.
 */
final class MappingTranslator {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** What makes a WireMock URL pattern a regex rather than a literal path. */
    private static final Pattern REGEX = Pattern.compile("[\\\\.\\[\\]{}()*+?^$|]");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Value matchers that hold the whole value: the only ones a table lookup can translate. */
    private static final Set<String> EQUAL = Set.of("equalTo");
    /** Matcher options that do not depend on the value. */
    private static final Set<String> OPTIONS = Set.of("caseInsensitive");

    private final StubRoute route;
    private final ConceptSources sources;

    MappingTranslator(StubRoute route, ConceptSources sources) {
        this.route = route;
        this.sources = sources;
    }

    /**
     * @param mapping the translated copy, meaningful only when {@code problems} is empty
     * @param bodyFileName the response's {@code bodyFileName}, for the caller to translate, or null
     */
    record Result(ObjectNode mapping, List<StubProblem> problems, String bodyFileName) {
    }

    Result translate(ObjectNode original, String file, String at) {
        ObjectNode mapping = original.deepCopy();
        Problems problems = new Problems(file);
        if (mapping.get("request") instanceof ObjectNode request) {
            request(request, at + ".request", problems);
        }
        String bodyFileName = null;
        if (mapping.get("response") instanceof ObjectNode response) {
            bodyFileName = response(response, at + ".response", problems);
        }
        return new Result(mapping, problems.list, bodyFileName);
    }

    private void request(ObjectNode request, String at, Problems problems) {
        DirectionTranslator rules = route.request();
        if (string(request.get("url")) != null) {
            String text = string(request.get("url"));
            int q = text.indexOf('?');
            String path = translatePath(q < 0 ? text : text.substring(0, q), at + ".url", problems);
            String query = q < 0 ? null : text.substring(q + 1);
            if (query != null && rules.translatesQuery()) {
                TextTranslation translated = rules.queryString(query);
                unresolved(translated.unresolved(), at + ".url", problems);
                query = translated.text();
            }
            request.put("url", query == null ? path : path + "?" + query);
        }
        if (string(request.get("urlPath")) != null) {
            request.put("urlPath", translatePath(string(request.get("urlPath")), at + ".urlPath", problems));
        }
        for (String key : List.of("urlPathPattern", "urlPattern")) {
            if (string(request.get(key)) != null) {
                String text = string(request.get(key));
                boolean reachesQuery = key.equals("urlPattern") && rules.translatesQuery();
                if (!REGEX.matcher(text).find()) {
                    // a pattern without a regex character matches one literal path: translated as that path
                    request.put(key, translatePath(text, at + "." + key, problems));
                } else if (rules.translatesPath() || reachesQuery) {
                    problems.add(at + "." + key, "a regex over a path whose identifiers the route translates cannot be "
                            + "translated (it names values of one vocabulary, or wildcards that would match both): write one "
                            + "urlPath stub per identifier");
                }
            }
        }
        if (request.has("urlPathTemplate") && rules.translatesPath()) {
            problems.add(at + ".urlPathTemplate", "a urlPathTemplate's path parameters are matchers over identifiers, which "
                    + "the route translates: write one urlPath stub per identifier");
        }
        if (request.get("queryParameters") instanceof ObjectNode query) {
            for (Map.Entry<String, JsonNode> parameter : query.properties()) {
                String name = parameter.getKey();
                if (rules.translatesQueryParameter(name)) {
                    matcher(parameter.getValue(), value -> rules.query(Map.of(name, List.of(value))),
                            at + ".queryParameters" + key(name), "query parameter " + name, problems);
                }
            }
        }
        if (request.get("headers") instanceof ObjectNode headers) {
            for (Map.Entry<String, JsonNode> header : headers.properties()) {
                String name = header.getKey();
                if (rules.translatesHeader(name)) {
                    matcher(header.getValue(), value -> rules.headers(Map.of(name, List.of(value))),
                            at + ".headers" + key(name), "header " + name, problems);
                }
            }
        }
        if (request.get("bodyPatterns") instanceof ArrayNode patterns && rules.translatesBody()) {
            for (int i = 0; i < patterns.size(); i++) {
                bodyPattern(patterns.get(i), at + ".bodyPatterns[" + i + "]", problems);
            }
        }
    }

    private String translatePath(String path, String at, Problems problems) {
        TextTranslation translated = route.request().path(path);
        if (translated.refusal() != null) {
            problems.add(at, translated.refusal());
        }
        unresolved(translated.unresolved(), at, problems);
        return translated.text();
    }

    /** A query or header matcher whose value the route translates: {@code equalTo} (possibly inside hasExactly/includes). */
    private void matcher(JsonNode matcher, Function<String, ValuesTranslation> translate, String at, String what, Problems problems) {
        if (!(matcher instanceof ObjectNode object)) {
            problems.add(at, "not a WireMock matcher object");
            return;
        }
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String kind = entry.getKey();
            JsonNode value = entry.getValue();
            if (EQUAL.contains(kind) && value.isString()) {
                ValuesTranslation translated = translate.apply(value.stringValue());
                if (translated.complete()) {
                    object.put(kind, translated.values().values().iterator().next().get(0));
                } else {
                    unresolved(translated.unresolved(), at + "." + kind, problems);
                }
            } else if ((kind.equals("hasExactly") || kind.equals("includes")) && value instanceof ArrayNode list) {
                for (int i = 0; i < list.size(); i++) {
                    matcher(list.get(i), translate, at + "." + kind + "[" + i + "]", what, problems);
                }
            } else if (!kind.equals("absent") && !OPTIONS.contains(kind)) {
                problems.add(at + "." + kind, "a '" + kind + "' matcher over an identifier (" + what
                        + ") cannot be translated: it matches values of one vocabulary; use equalTo, one stub per identifier");
            }
        }
    }

    private void bodyPattern(JsonNode pattern, String at, Problems problems) {
        if (!(pattern instanceof ObjectNode object)) {
            problems.add(at, "not a WireMock body pattern");
            return;
        }
        JsonNode equalToJson = object.get("equalToJson");
        if (equalToJson == null) {
            String kind = object.propertyNames().stream().findFirst().orElse("(empty)");
            problems.add(at, "a '" + kind + "' body pattern cannot be translated: the route translates identifiers in "
                    + "request bodies, and only equalToJson holds them as JSON values");
            return;
        }
        if (equalToJson.isString()) {
            if (equalToJson.stringValue().contains("${json-unit")) {
                // placeholders are not identifiers, but a rule would report them as unknown ones: say what they are
                problems.add(at + ".equalToJson", "a json-unit placeholder cannot be translated where a rule names an "
                        + "identifier; write the identifier");
            }
            byte[] translated = translateJson(equalToJson.stringValue().getBytes(StandardCharsets.UTF_8), route.request(),
                    at + ".equalToJson", problems);
            if (translated != null) {
                object.put("equalToJson", new String(translated, StandardCharsets.UTF_8));
            }
        } else {
            byte[] translated = translateJson(JSON.writeValueAsBytes(equalToJson), route.request(), at + ".equalToJson", problems);
            if (translated != null) {
                object.set("equalToJson", JSON.readTree(translated));
            }
        }
    }

    private String response(ObjectNode response, String at, Problems problems) {
        DirectionTranslator rules = route.response();
        if (response.get("headers") instanceof ObjectNode headers) {
            for (Map.Entry<String, JsonNode> header : headers.properties()) {
                String name = header.getKey();
                if (!rules.translatesHeader(name)) {
                    continue;
                }
                String headerAt = at + ".headers" + key(name);
                JsonNode value = header.getValue();
                List<JsonNode> values = value instanceof ArrayNode list ? List.copyOf(list.values()) : List.of(value);
                ArrayNode translatedValues = JSON.createArrayNode();
                for (JsonNode one : values) {
                    String text = one.asString();
                    if (text.contains("{{")) {
                        problems.add(headerAt, "a templated header cannot be translated: the identifier in it is not known "
                                + "before WireMock renders it");
                        continue;
                    }
                    ValuesTranslation translated = rules.headers(Map.of(name, List.of(text)));
                    unresolved(translated.unresolved(), headerAt, problems);
                    translatedValues.add(translated.values().values().iterator().next().get(0));
                }
                if (value instanceof ArrayNode) {
                    headers.set(name, translatedValues);
                } else if (!translatedValues.isEmpty()) {
                    headers.set(name, translatedValues.get(0));
                }
            }
        }
        if (!rules.translatesBody()) {
            return bodyFileName(response);
        }
        if (string(response.get("body")) != null) {
            String text = string(response.get("body"));
            if (text.contains("{{")) {
                problems.add(at + ".body", "a templated body cannot be translated: the identifiers it writes are not known "
                        + "before WireMock renders it");
            } else {
                byte[] translated = translateJson(text.getBytes(StandardCharsets.UTF_8), rules, at + ".body", problems);
                if (translated != null) {
                    response.put("body", new String(translated, StandardCharsets.UTF_8));
                }
            }
        }
        JsonNode jsonBody = response.get("jsonBody");
        if (jsonBody != null) {
            if (JSON.writeValueAsString(jsonBody).contains("{{")) {
                problems.add(at + ".jsonBody", "a templated body cannot be translated: the identifiers it writes are not "
                        + "known before WireMock renders it");
            } else {
                byte[] translated = translateJson(JSON.writeValueAsBytes(jsonBody), rules, at + ".jsonBody", problems);
                if (translated != null) {
                    response.set("jsonBody", JSON.readTree(translated));
                }
            }
        }
        if (response.has("base64Body")) {
            problems.add(at + ".base64Body", "a base64 body cannot be translated: the route translates identifiers in "
                    + "response bodies, and only JSON ones can be read");
        }
        String fileName = bodyFileName(response);
        if (fileName != null && fileName.contains("{{")) {
            problems.add(at + ".bodyFileName", "a templated body file name cannot be translated: which file (and which "
                    + "identifiers) is not known before WireMock renders it");
            return null;
        }
        return fileName;
    }

    private static String bodyFileName(ObjectNode response) {
        return string(response.get("bodyFileName"));
    }

    /** The text of a JSON string, or null for anything else (or nothing). */
    private static String string(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    /** The JSON translated, or null when it is not JSON or not every identifier in it translated (then reported). */
    byte[] translateJson(byte[] json, DirectionTranslator rules, String at, Problems problems) {
        BodyTranslation translated;
        try {
            translated = rules.body(json);
        } catch (MalformedJsonException e) {
            problems.add(at, "not JSON, so the identifiers the route translates in it cannot be found: " + e.getMessage());
            return null;
        }
        if (!translated.complete()) {
            unresolved(translated.unresolved(), at, problems);
            if (translated.unresolvedCount() > translated.unresolved().size()) {
                problems.add(at, (translated.unresolvedCount() - translated.unresolved().size()) + " more untranslatable values");
            }
            return null;
        }
        return translated.body();
    }

    private void unresolved(List<Unresolved> unresolved, String at, Problems problems) {
        for (Unresolved u : unresolved) {
            String concept = u.rule().substring(0, u.rule().indexOf('.'));
            String why = u.reason() == Unresolved.Reason.UNKNOWN || u.reason() == Unresolved.Reason.NEEDS_LOOKUP
                    ? "has no row for " + route.targetContext() + " in " + sources.of(concept)
                    : "is " + u.reasonName();
            if (u.location().startsWith("body $")) {
                // a body's location is a JSON path inside the body: continue the stub's path with it
                String inBody = u.location().substring("body $".length());
                problems.add(at.equals("$") ? "$" + inBody : at + inBody, u.value() + " (" + u.rule() + ") " + why);
            } else {
                problems.add(at, u.location() + " " + u.value() + " (" + u.rule() + ") " + why);
            }
        }
    }

    /** A member of a JSON path: {@code .name}, or {@code ['X-Game-Name']} when the name is not a plain one. */
    static String key(String name) {
        return PLAIN_NAME.matcher(name).matches() ? "." + name : "['" + name.replace("'", "\\'") + "']";
    }

    /** The problems of one file, collected in order. */
    static final class Problems {
        final String file;
        final List<StubProblem> list = new ArrayList<>();

        Problems(String file) {
            this.file = file;
        }

        void add(String jsonPath, String why) {
            list.add(new StubProblem(file, jsonPath, why));
        }
    }

    static JsonNode readTree(byte[] json) throws JacksonException {
        return JSON.readTree(json);
    }
}
