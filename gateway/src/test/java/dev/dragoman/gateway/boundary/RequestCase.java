package dev.dragoman.gateway.boundary;

import dev.dragoman.gateway.boundary.ForeignMap.Direction;
import dev.dragoman.gateway.boundary.ForeignMap.Route;
import dev.dragoman.gateway.boundary.ForeignMap.Rule;
import dev.dragoman.gateway.boundary.ForeignMap.Segment;
import dev.dragoman.gateway.boundary.ForeignMap.Template;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * One generated request in the caller's vocabulary, oddly but legally encoded, with what the
 * strict reading of the map says about it: the reasons it must be refused, or what the callee
 * must receive at every ruled place.
 */
record RequestCase(long seed, Route route, RawHttp.Request request, List<String> notes, List<String> refusals,
        List<String> expectedSegments, Map<String, List<String>> expectedQuery, Map<String, List<String>> expectedHeaders,
        boolean jsonBody, Json expectedBody, byte[] plainBody) {

    static final String API_KEY = "fuzz-caller-key";

    static RequestCase generate(ForeignMap map, long seed, int port) {
        Random random = new Random(seed);
        Planting planting = new Planting(random, Direction.REQUEST);
        Route route = map.routes.get(random.nextInt(map.routes.size()));
        List<String> notes = new ArrayList<>();
        List<String> refusals = new ArrayList<>();

        // ---- the path
        List<String> rawSegments = new ArrayList<>();
        if (random.nextInt(6) == 0) {
            // a path of no template: forwarded as it is (its literals hold a digit, which no template's do)
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                rawSegments.add("x" + i + Values.word(random));
            }
        } else {
            Template template = route.templates().get(random.nextInt(route.templates().size()));
            for (Segment segment : template.segments()) {
                if (segment.slot() == null) {
                    rawSegments.add(random.nextInt(10) == 0 ? Encodings.oneLetterEncoded(segment.literal(), random) : segment.literal());
                } else {
                    rawSegments.add(Encodings.segment(planting.text(segment.slot(), false), random));
                }
            }
        }
        String suffix = oddPath(rawSegments, random, notes);
        List<String> readAs = Paths.normalize(suffix);
        List<String> expectedSegments = new ArrayList<>(readAs);
        Optional<Template> matched = Paths.match(route, readAs);
        if (matched.isPresent()) {
            for (int i = 0; i < readAs.size(); i++) {
                Rule slot = matched.get().segments().get(i).slot();
                if (slot != null) {
                    Optional<ForeignMap.Value> translated = slot.translate(Direction.REQUEST, readAs.get(i));
                    if (translated.isEmpty()) {
                        refusals.add("path segment " + (i + 1) + ": '" + readAs.get(i) + "' has no translation by " + slot.yaml());
                    } else {
                        expectedSegments.set(i, translated.get().text());
                    }
                }
            }
        }

        // ---- the query
        List<QueryPair> pairs = new ArrayList<>();
        for (Map.Entry<String, Rule> rule : route.query().entrySet()) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            int repeats = random.nextInt(5) == 0 ? 2 : 1;
            for (int r = 0; r < repeats; r++) {
                String name = random.nextInt(3) == 0 ? Encodings.oneLetterEncoded(rule.getKey(), random) : rule.getKey();
                int kind = random.nextInt(20);
                if (kind == 0) {
                    pairs.add(new QueryPair(name, rule.getKey(), null));
                    notes.add("valueless query parameter " + name);
                    continue;
                }
                String value = kind == 1 && !planting.clean ? "" : planting.text(rule.getValue(), false);
                pairs.add(new QueryPair(name + "=" + Encodings.queryPart(value, random), rule.getKey(), value));
            }
        }
        if (random.nextBoolean()) {
            // a parameter no rule names, holding a caller's value: it crosses as it came
            String value = planting.text(route.query().values().iterator().next(), false);
            pairs.add(new QueryPair("q" + random.nextInt(9) + "=" + Encodings.queryPart(value, random), null, value));
        }
        java.util.Collections.shuffle(pairs, random);
        Map<String, List<String>> expectedQuery = new LinkedHashMap<>();
        for (QueryPair pair : pairs) {
            if (pair.rule() == null || pair.value() == null) {
                continue;
            }
            Rule rule = route.query().get(pair.rule());
            Optional<ForeignMap.Value> translated = rule.translate(Direction.REQUEST, pair.value());
            if (translated.isEmpty()) {
                refusals.add("query " + pair.rule() + ": '" + pair.value() + "' has no translation by " + rule.yaml());
            } else {
                expectedQuery.computeIfAbsent(pair.rule(), k -> new ArrayList<>()).add(translated.get().text());
            }
        }
        String query = pairs.isEmpty() ? "" : "?" + String.join(random.nextInt(10) == 0 ? "&&" : "&",
                pairs.stream().map(QueryPair::raw).toList());

        // ---- headers
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Host", "127.0.0.1:" + port));
        headers.add(Map.entry(random.nextBoolean() ? "X-Api-Key" : "x-api-key", API_KEY));
        for (Map.Entry<String, Rule> rule : route.headers().entrySet()) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            int repeats = random.nextInt(5) == 0 ? 2 : 1;
            for (int r = 0; r < repeats; r++) {
                String value = random.nextInt(25) == 0 && !planting.clean ? "" : planting.text(rule.getValue(), true);
                headers.add(Map.entry(casing(rule.getKey(), random), value));
                if (value.isEmpty()) {
                    notes.add("empty header " + rule.getKey());
                }
            }
        }
        headers.add(Map.entry("X-Trace", "t-" + seed));

        // ---- the body
        String method;
        byte[] body = null;
        boolean jsonBody = false;
        Json expectedBody = null;
        byte[] plainBody = null;
        if (random.nextInt(10) < 3) {
            method = List.of("GET", "GET", "DELETE", "HEAD").get(random.nextInt(4));
        } else {
            method = List.of("POST", "POST", "PUT", "PATCH").get(random.nextInt(4));
            Json.Obj document = planting.body(route.requestBody(), map);
            String text = Json.write(document, random);
            String contentType = contentType(random);
            byte[] bytes;
            jsonBody = contentType != null && Encodings.isJson(contentType);
            if (jsonBody && random.nextInt(6) == 0) {
                switch (random.nextInt(3)) {
                    case 0 -> {
                        contentType = contentType.split(";")[0] + "; charset=utf-16";
                        bytes = text.getBytes(StandardCharsets.UTF_16);
                    }
                    case 1 -> {
                        // no charset declared: RFC 4627 section 3 detects UTF-16LE from the zero bytes
                        contentType = contentType.split(";")[0];
                        bytes = text.getBytes(StandardCharsets.UTF_16LE);
                    }
                    default -> {
                        // no charset declared: the BOM says UTF-16BE
                        contentType = contentType.split(";")[0];
                        bytes = text.getBytes(StandardCharsets.UTF_16);
                    }
                }
                notes.add("UTF-16 body" + (Encodings.charsetParameter(contentType) == null ? ", no charset declared" : ""));
            } else {
                bytes = text.getBytes(StandardCharsets.UTF_8);
            }
            plainBody = bytes;
            String coding = List.of("", "", "", "", "", "identity", "gzip", "gzip", "deflate", "br").get(random.nextInt(10));
            byte[] wire = switch (coding) {
                case "gzip" -> Encodings.gzip(bytes);
                case "deflate" -> Encodings.deflate(bytes);
                case "br" -> Encodings.brotli(bytes);
                default -> bytes;
            };
            if (contentType != null) {
                headers.add(Map.entry(random.nextBoolean() ? "Content-Type" : "content-type", contentType));
            }
            if (!coding.isEmpty()) {
                headers.add(Map.entry("Content-Encoding", coding));
                notes.add("Content-Encoding " + coding);
            }
            body = wire;
            if (jsonBody) {
                Planting.Translation translation = Planting.translate(document, route.requestBody(), Direction.REQUEST);
                refusals.addAll(translation.refusals());
                expectedBody = translation.expected();
            }
        }
        boolean chunked = body != null && random.nextInt(3) == 0;
        if (chunked) {
            notes.add("chunked");
        }
        java.util.Collections.shuffle(headers.subList(2, headers.size()), random);
        Map<String, List<String>> expectedHeaders = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers) {
            Optional<Map.Entry<String, Rule>> rule = route.headers().entrySet().stream()
                    .filter(r -> r.getKey().equalsIgnoreCase(header.getKey())).findFirst();
            if (rule.isEmpty() || header.getValue().isEmpty()) {
                continue;
            }
            Optional<ForeignMap.Value> translated = rule.get().getValue().translate(Direction.REQUEST, header.getValue());
            if (translated.isEmpty()) {
                refusals.add("header " + rule.get().getKey() + ": '" + header.getValue() + "' has no translation by " + rule.get().getValue().yaml());
            } else {
                expectedHeaders.computeIfAbsent(rule.get().getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(translated.get().text());
            }
        }
        String target = route.prefixPath() + suffix + query;
        RawHttp.Request request = new RawHttp.Request(method, target, headers, body, chunked, seed);
        return new RequestCase(seed, route, request, notes, refusals, expectedSegments, expectedQuery, expectedHeaders,
                jsonBody, expectedBody, plainBody);
    }

    /** A query parameter as sent, the rule its decoded name names (or null), and its value (null when valueless). */
    private record QueryPair(String raw, String rule, String value) {
    }

    /** The path after the route's prefix, with dot-segments, a trailing slash or a doubled slash now and then. */
    private static String oddPath(List<String> raw, Random random, List<String> notes) {
        List<String> parts = new ArrayList<>(raw);
        if (random.nextInt(5) == 0) {
            int at = random.nextInt(parts.size() + 1);
            List<String> dots = switch (random.nextInt(5)) {
                case 0 -> List.of(".");
                case 1 -> List.of("%2e");
                case 2 -> List.of("zz" + random.nextInt(9), "..");
                case 3 -> List.of("zz" + random.nextInt(9), "%2E%2E");
                default -> List.of("zz" + random.nextInt(9), ".%2e");
            };
            parts.addAll(at, dots);
            notes.add("dot-segments " + dots);
        }
        String path = "/" + String.join("/", parts);
        if (random.nextInt(6) == 0) {
            int slash = path.indexOf('/', 1);
            path = slash < 0 ? path + "//" : path.substring(0, slash) + "/" + path.substring(slash);
            notes.add("doubled slash");
        }
        if (random.nextInt(6) == 0) {
            path = path + "/";
            notes.add("trailing slash");
        }
        return path;
    }

    private static String contentType(Random random) {
        return List.of("application/json", "application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
                "application/x+json", "application/vnd.fuzz+json; charset=utf-8", "Application/JSON", "text/plain",
                "text/plain; charset=utf-8", "application/octet-stream").get(random.nextInt(10));
    }

    private static String casing(String name, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> name.toLowerCase(Locale.ROOT);
            case 1 -> name.toUpperCase(Locale.ROOT);
            case 2 -> {
                StringBuilder mixed = new StringBuilder();
                for (char c : name.toCharArray()) {
                    mixed.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
                }
                yield mixed.toString();
            }
            default -> name;
        };
    }

    boolean mustBeRefused() {
        return !refusals.isEmpty();
    }
}
