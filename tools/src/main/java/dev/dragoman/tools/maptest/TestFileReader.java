package dev.dragoman.tools.maptest;

import dev.dragoman.rules.model.Composition;
import dev.dragoman.rules.model.CompositionPart;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.tools.maptest.MapTestCase.CompositionCase;
import dev.dragoman.tools.maptest.MapTestCase.PartExchange;
import dev.dragoman.tools.maptest.MapTestCase.Event;
import dev.dragoman.tools.maptest.MapTestCase.EventCase;
import dev.dragoman.tools.maptest.MapTestCase.ExpectedCopy;
import dev.dragoman.tools.maptest.MapTestCase.ExpectedError;
import dev.dragoman.tools.maptest.MapTestCase.HttpCase;
import dev.dragoman.tools.maptest.MapTestCase.Message;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads one test file into cases, checking every key and every name it refers to against the maps. */
final class TestFileReader {

    private static final List<String> FILE_KEYS = List.of("http", "events", "compositions");
    private static final List<String> COMPOSITION_KEYS = List.of("name", "composition", "request", "parts", "response", "error");
    private static final List<String> PART_KEYS = List.of("receives", "answers");
    private static final List<String> HTTP_KEYS = List.of("name", "route", "request", "upstream", "response", "error");
    private static final List<String> REQUEST_KEYS = List.of("method", "path", "headers", "body");
    private static final List<String> UPSTREAM_KEYS = List.of("receives", "answers", "stubs");
    private static final List<String> RECEIVES_KEYS = List.of("method", "path", "headers", "body");
    private static final List<String> ANSWER_KEYS = List.of("status", "headers", "body");
    private static final List<String> ERROR_KEYS = List.of("status", "errors");
    private static final List<String> EVENT_CASE_KEYS = List.of("name", "given", "publish", "deliver", "no-copy-to", "error");
    private static final List<String> COPY_KEYS = List.of("type", "data");
    private static final Set<String> EVENT_RESERVED = Set.of("from", "data", "specversion", "data_base64");

    private final Path file;
    private final LocatedYaml yaml;
    private final ContextModel model;

    private TestFileReader(Path file, LocatedYaml yaml, ContextModel model) {
        this.file = file;
        this.yaml = yaml;
        this.model = model;
    }

    /** @throws MapTestFileException at the first thing wrong, with its line */
    static List<MapTestCase> read(Path file, String text, ContextModel model) {
        return new TestFileReader(file, LocatedYaml.parse(text), model).cases();
    }

    private List<MapTestCase> cases() {
        JsonNode root = yaml.root();
        if (root.isNull()) {
            throw new MapTestFileException(0, "the file is empty: write cases under 'http:' or 'events:'");
        }
        ObjectNode top = object(root, "", "the file");
        keys(top, "", FILE_KEYS);
        List<MapTestCase> cases = new ArrayList<>();
        forEach(top, "", "http", (node, p) -> cases.add(httpCase(object(node, p, "an http case"), p)));
        forEach(top, "", "events", (node, p) -> cases.add(eventCase(object(node, p, "an event case"), p)));
        forEach(top, "", "compositions", (node, p) -> cases.add(compositionCase(object(node, p, "a composition case"), p)));
        if (cases.isEmpty()) {
            throw new MapTestFileException(yaml.line(""), "the file holds no cases: write them under 'http:' or 'events:'");
        }
        return cases;
    }

    private HttpCase httpCase(ObjectNode node, String p) {
        keys(node, p, HTTP_KEYS);
        String name = string(node, p, "name", true);
        String route = string(node, p, "route", true);
        if (model.route(route).isEmpty()) {
            throw error(p + "/route", "route '" + route + "' is not declared in the maps; they declare "
                    + model.routes().stream().map(r -> r.id()).toList());
        }
        ObjectNode request = object(required(node, p, "request"), p + "/request", "request");
        keys(request, p + "/request", REQUEST_KEYS);
        Message caller = new Message(or(string(request, p + "/request", "method", false), "GET"), string(request, p + "/request", "path", true),
                headers(request, p + "/request"), request.get("body"), null);
        Message receives = null;
        Message answers = null;
        Path stubs = null;
        if (node.has("upstream")) {
            String up = p + "/upstream";
            ObjectNode upstream = object(node.get("upstream"), up, "upstream");
            keys(upstream, up, UPSTREAM_KEYS);
            if (upstream.has("receives")) {
                ObjectNode r = object(upstream.get("receives"), up + "/receives", "receives");
                keys(r, up + "/receives", RECEIVES_KEYS);
                receives = new Message(string(r, up + "/receives", "method", false), string(r, up + "/receives", "path", false),
                        headers(r, up + "/receives"), r.get("body"), null);
            }
            answers = new Message(null, null, Map.of(), null, 200);
            if (upstream.has("answers")) {
                ObjectNode a = object(upstream.get("answers"), up + "/answers", "answers");
                keys(a, up + "/answers", ANSWER_KEYS);
                answers = new Message(null, null, headers(a, up + "/answers"), a.get("body"), status(a, up + "/answers", 200));
            }
            if (upstream.has("stubs")) {
                stubs = stubs(upstream, up);
            }
        }
        CallerGets gets = callerGets(node, p, name, answers == null ? 200 : answers.status());
        return new HttpCase(file, yaml.line(p), name, route, caller, receives, answers, gets.response(), gets.error(), stubs);
    }

    private CompositionCase compositionCase(ObjectNode node, String p) {
        keys(node, p, COMPOSITION_KEYS);
        String name = string(node, p, "name", true);
        String id = string(node, p, "composition", true);
        Composition composition = model.composition(id).orElseThrow(() -> error(p + "/composition", "composition '" + id
                + "' is not declared in the maps; they declare " + model.compositions().stream().map(Composition::id).toList()));
        ObjectNode request = object(required(node, p, "request"), p + "/request", "request");
        keys(request, p + "/request", REQUEST_KEYS);
        Message caller = new Message(or(string(request, p + "/request", "method", false), "GET"), string(request, p + "/request", "path", true),
                headers(request, p + "/request"), request.get("body"), null);
        Map<String, PartExchange> parts = new LinkedHashMap<>();
        if (node.has("parts")) {
            String pp = p + "/parts";
            ObjectNode given = object(node.get("parts"), pp, "parts (a mapping of part name to what its upstream receives and answers)");
            for (Map.Entry<String, JsonNode> entry : given.properties()) {
                String ep = LocatedYaml.child(pp, entry.getKey());
                CompositionPart part = composition.parts().stream().filter(x -> x.name().equals(entry.getKey())).findFirst()
                        .orElseThrow(() -> error(ep, "composition '" + id + "' has no part '" + entry.getKey() + "'; its parts are "
                                + composition.parts().stream().map(CompositionPart::name).toList()));
                ObjectNode exchange = object(entry.getValue(), ep, "a part (receives, answers)");
                keys(exchange, ep, PART_KEYS);
                ObjectNode r = object(required(exchange, ep, "receives"), ep + "/receives", "receives");
                keys(r, ep + "/receives", RECEIVES_KEYS);
                Message receives = new Message(string(r, ep + "/receives", "method", false), string(r, ep + "/receives", "path", true),
                        headers(r, ep + "/receives"), r.get("body"), null);
                Message answers = new Message(null, null, Map.of(), null, 200);
                if (exchange.has("answers")) {
                    ObjectNode a = object(exchange.get("answers"), ep + "/answers", "answers");
                    keys(a, ep + "/answers", ANSWER_KEYS);
                    answers = new Message(null, null, headers(a, ep + "/answers"), a.get("body"), status(a, ep + "/answers", 200));
                }
                parts.put(part.name(), new PartExchange(part.route(), receives, answers));
            }
        }
        CallerGets gets = callerGets(node, p, name, 200);
        return new CompositionCase(file, yaml.line(p), name, id, caller, parts, gets.response(), gets.error());
    }

    /** What a case expects the caller to get: a {@code response} or an {@code error}, never both. */
    private record CallerGets(Message response, ExpectedError error) {
    }

    private CallerGets callerGets(ObjectNode node, String p, String name, int defaultStatus) {
        if (node.has("error")) {
            if (node.has("response")) {
                throw error(p + "/error", "a case expects either a 'response' or an 'error', not both");
            }
            return new CallerGets(null, expectedError(node.get("error"), p + "/error"));
        }
        String rp = p + "/response";
        if (!node.has("response")) {
            throw error(p, "case '" + name + "' says nothing about what the caller gets back: add 'response:' (status, headers, body) or 'error:'");
        }
        ObjectNode r = object(node.get("response"), rp, "response");
        keys(r, rp, ANSWER_KEYS);
        return new CallerGets(new Message(null, null, headers(r, rp), r.get("body"), status(r, rp, defaultStatus)), null);
    }

    /** {@code upstream: {stubs: DIR}}: a WireMock stub directory, relative to the test file's folder. */
    private Path stubs(ObjectNode upstream, String up) {
        if (upstream.has("answers")) {
            throw error(up + "/stubs", "the upstream answers either from 'stubs' or with 'answers', not both");
        }
        String written = string(upstream, up, "stubs", true);
        Path folder = file.toAbsolutePath().getParent();
        Path dir = folder == null ? Path.of(written) : folder.resolve(written).normalize();
        if (!java.nio.file.Files.isDirectory(dir.resolve("mappings"))) {
            throw error(up + "/stubs", dir + " is not a WireMock stub directory: it has no mappings folder");
        }
        return dir;
    }

    private EventCase eventCase(ObjectNode node, String p) {
        keys(node, p, EVENT_CASE_KEYS);
        String name = string(node, p, "name", true);
        List<Event> given = new ArrayList<>();
        forEach(node, p, "given", (e, ep) -> given.add(event(e, ep)));
        Event publish = event(required(node, p, "publish"), p + "/publish");
        Map<String, ExpectedCopy> deliver = new LinkedHashMap<>();
        if (node.has("deliver")) {
            ObjectNode d = object(node.get("deliver"), p + "/deliver", "deliver (a mapping of context to the copy it receives)");
            for (Map.Entry<String, JsonNode> entry : d.properties()) {
                String cp = LocatedYaml.child(p + "/deliver", entry.getKey());
                context(entry.getKey(), cp);
                ObjectNode copy = object(entry.getValue(), cp, "a copy (type, data)");
                keys(copy, cp, COPY_KEYS);
                String type = or(string(copy, cp, "type", false), publish.attributes().get("type").asString());
                deliver.put(entry.getKey(), new ExpectedCopy(yaml.line(cp), type, copy.get("data")));
            }
        }
        List<String> noCopyTo = new ArrayList<>();
        forEach(node, p, "no-copy-to", (c, cp) -> {
            if (!c.isString()) {
                throw error(cp, "no-copy-to lists context names");
            }
            noCopyTo.add(context(c.asString(), cp));
        });
        ExpectedError error = node.has("error") ? expectedError(node.get("error"), p + "/error") : null;
        if (error != null && (!deliver.isEmpty() || !noCopyTo.isEmpty())) {
            throw error(p + "/error", "a refused event is delivered to no one: leave out 'deliver' and 'no-copy-to' when expecting an 'error'");
        }
        if (error == null && deliver.isEmpty() && noCopyTo.isEmpty()) {
            throw error(p, "case '" + name + "' checks nothing: add 'deliver:' (the copy each context receives), 'no-copy-to:' or 'error:'");
        }
        return new EventCase(file, yaml.line(p), name, given, publish, deliver, noCopyTo, error);
    }

    private Event event(JsonNode value, String p) {
        ObjectNode node = object(value, p, "an event (from, type, data, ...)");
        String from = context(string(node, p, "from", true), p + "/from");
        string(node, p, "type", true);
        ObjectNode attributes = node.deepCopy();
        EVENT_RESERVED.forEach(attributes::remove);
        for (Map.Entry<String, JsonNode> attribute : attributes.properties()) {
            if (!attribute.getValue().isValueNode() || attribute.getValue().isNull()) {
                throw error(LocatedYaml.child(p, attribute.getKey()), "the CloudEvent attribute '" + attribute.getKey() + "' must be a plain value");
            }
        }
        return new Event(yaml.line(p), from, attributes, node.get("data"));
    }

    private ExpectedError expectedError(JsonNode value, String p) {
        ObjectNode node = object(value, p, "error (status, errors)");
        keys(node, p, ERROR_KEYS);
        if (!node.has("status")) {
            throw error(p, "an expected error needs its 'status' (such as 422 or 502)");
        }
        int status = status(node, p, 0);
        List<Map<String, String>> errors = new ArrayList<>();
        forEach(node, p, "errors", (e, ep) -> {
            ObjectNode entry = object(e, ep, "an error (location, value, ...)");
            Map<String, String> members = new LinkedHashMap<>();
            entry.properties().forEach(m -> members.put(m.getKey(), m.getValue().isNull() ? null : m.getValue().asString()));
            errors.add(members);
        });
        return new ExpectedError(status, errors);
    }

    // ---- small checks, each failing with the line of what it looks at

    private interface Item {
        void accept(JsonNode node, String pointer);
    }

    private void forEach(ObjectNode node, String p, String key, Item item) {
        JsonNode list = node.get(key);
        if (list == null) {
            return;
        }
        String lp = LocatedYaml.child(p, key);
        if (!list.isArray()) {
            throw error(lp, "'" + key + "' is a list: write each item on a line of its own starting with '- '");
        }
        for (int i = 0; i < list.size(); i++) {
            item.accept(list.get(i), lp + "/" + i);
        }
    }

    private String context(String name, String p) {
        if (!model.contexts().containsKey(name)) {
            throw error(p, "context '" + name + "' is not declared in the maps; they declare " + model.contexts().keySet());
        }
        return name;
    }

    private ObjectNode object(JsonNode node, String p, String what) {
        if (!(node instanceof ObjectNode object)) {
            throw error(p, "expected " + what + " as a mapping of keys to values, found " + describe(node));
        }
        return object;
    }

    private JsonNode required(ObjectNode node, String p, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw error(p, "'" + key + "' is missing");
        }
        return value;
    }

    private String string(ObjectNode node, String p, String key, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                throw error(p, "'" + key + "' is missing");
            }
            return null;
        }
        if (!value.isValueNode()) {
            throw error(LocatedYaml.child(p, key), "'" + key + "' must be a plain value, found " + describe(value));
        }
        return value.asString();
    }

    private int status(ObjectNode node, String p, int otherwise) {
        JsonNode value = node.get("status");
        if (value == null) {
            return otherwise;
        }
        if (!value.isIntegralNumber() || value.asInt() < 100 || value.asInt() > 599) {
            throw error(LocatedYaml.child(p, "status"), "status must be an HTTP status code from 100 to 599, found " + describe(value));
        }
        return value.asInt();
    }

    private Map<String, String> headers(ObjectNode node, String p) {
        JsonNode value = node.get("headers");
        Map<String, String> headers = new LinkedHashMap<>();
        if (value == null) {
            return headers;
        }
        String hp = LocatedYaml.child(p, "headers");
        for (Map.Entry<String, JsonNode> header : object(value, hp, "headers").properties()) {
            if (!header.getValue().isValueNode() || header.getValue().isNull()) {
                throw error(LocatedYaml.child(hp, header.getKey()), "header " + header.getKey() + " must have a plain value");
            }
            headers.put(header.getKey(), header.getValue().asString());
        }
        return headers;
    }

    private void keys(ObjectNode node, String p, List<String> known) {
        for (String key : node.propertyNames()) {
            if (!known.contains(key)) {
                throw error(LocatedYaml.child(p, key), "unknown key '" + key + "' (known here: " + String.join(", ", known) + ")");
            }
        }
    }

    private MapTestFileException error(String pointer, String message) {
        return new MapTestFileException(yaml.line(pointer), message);
    }

    private static String or(String value, String otherwise) {
        return value == null ? otherwise : value;
    }

    private static String describe(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        return node.isObject() ? "a mapping" : node.isArray() ? "a list" : "'" + node.asString() + "'";
    }
}
