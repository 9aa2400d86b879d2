package dev.dragoman.gateway.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.dragoman.gateway.boundary.ForeignMap.Direction;
import dev.dragoman.gateway.boundary.ForeignMap.Route;
import dev.dragoman.gateway.boundary.ForeignMap.Rule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * One generated answer of the upstream in the callee's vocabulary (statuses, content types,
 * codings, shapes, ruled headers on every kind of answer), the plain request that draws it, and
 * what the strict reading of the map says the caller must get: the answer translated at every
 * ruled place, or a 502 problem that shows no callee value.
 */
record ResponseCase(long seed, Route route, RawHttp.Request request, int status, Map<String, List<String>> upstreamHeaders,
        byte[] upstreamBody, List<String> notes, List<String> refusals, Map<String, List<String>> expectedHeaders,
        boolean jsonBody, Json expectedBody, byte[] plainBody, List<String> calleeValues) {

    static ResponseCase generate(ForeignMap map, long seed, int port) {
        Random random = new Random(seed);
        Planting planting = new Planting(random, Direction.RESPONSE);
        Route route = map.routes.get(random.nextInt(map.routes.size()));
        List<String> notes = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        List<String> calleeValues = new ArrayList<>();

        boolean head = random.nextInt(5) == 0;
        List<Map.Entry<String, String>> requestHeaders = new ArrayList<>();
        requestHeaders.add(Map.entry("Host", "127.0.0.1:" + port));
        requestHeaders.add(Map.entry("X-Api-Key", RequestCase.API_KEY));
        String accept = List.of("", "gzip", "gzip, deflate, br", "identity").get(random.nextInt(4));
        if (!accept.isEmpty()) {
            requestHeaders.add(Map.entry("Accept-Encoding", accept));
        }
        // a path of no template: the request crosses as it is, the answer is what is fuzzed
        String target = route.prefixPath() + "/x0" + Values.word(random);
        RawHttp.Request request = new RawHttp.Request(head ? "HEAD" : "GET", target, requestHeaders, null, false, seed);

        int status = head && random.nextInt(3) == 0 ? 304 : List.of(200, 200, 200, 201, 204, 404, 500, 409).get(random.nextInt(8));
        boolean hasBody = !head && status != 204 && status != 304;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, List<String>> expectedHeaders = new LinkedHashMap<>();
        for (Map.Entry<String, Rule> rule : route.responseHeaders().entrySet()) {
            if (random.nextInt(10) < 3) {
                continue;
            }
            int repeats = random.nextInt(5) == 0 ? 2 : 1;
            for (int r = 0; r < repeats; r++) {
                String value = planting.text(rule.getValue(), true);
                headers.computeIfAbsent(rule.getKey(), k -> new ArrayList<>()).add(value);
                remember(rule.getValue(), value, calleeValues);
                Optional<ForeignMap.Value> translated = rule.getValue().translate(Direction.RESPONSE, value);
                if (translated.isEmpty()) {
                    refusals.add("header " + rule.getKey() + ": '" + value + "' has no translation by " + rule.getValue().yaml());
                } else {
                    expectedHeaders.computeIfAbsent(rule.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(translated.get().text());
                }
            }
        }
        headers.put("X-Unruled", List.of(planting.text(route.responseHeaders().values().iterator().next(), true)));

        String contentType = List.of("application/json", "application/json; charset=utf-8", "application/problem+json",
                "application/x+json", "text/plain", "").get(random.nextInt(6));
        boolean jsonBody = Encodings.isJson(contentType);
        Json expectedBody = null;
        byte[] plainBody = null;
        byte[] upstreamBody = null;
        if (!contentType.isEmpty()) {
            headers.put("Content-Type", List.of(contentType));
        }
        Json.Obj document = planting.body(route.responseBody(), map);
        if (jsonBody) {
            Planting.Translation translation = Planting.translate(document, route.responseBody(), Direction.RESPONSE);
            // a HEAD, a 204 or a 304 has no body: nothing of it to translate or refuse
            if (hasBody) {
                refusals.addAll(translation.refusals());
                expectedBody = translation.expected();
            }
            for (ForeignMap.BodyRule rule : route.responseBody()) {
                for (JsonPath.Place place : rule.path().suspects(document)) {
                    remember(rule.rule(), Json.text(place.value()), calleeValues);
                }
            }
        }
        if (hasBody) {
            plainBody = (jsonBody ? Json.write(document, random) : "text that names " + Json.write(document)).getBytes(StandardCharsets.UTF_8);
            String coding = List.of("", "", "", "gzip", "gzip", "deflate").get(random.nextInt(6));
            upstreamBody = switch (coding) {
                case "gzip" -> Encodings.gzip(plainBody);
                case "deflate" -> Encodings.deflate(plainBody);
                default -> plainBody;
            };
            if (!coding.isEmpty()) {
                headers.put("Content-Encoding", List.of(coding));
                notes.add("upstream Content-Encoding " + coding);
            }
        }
        notes.add((head ? "HEAD" : "GET") + ", upstream status " + status + ", Content-Type '" + contentType + "'");
        return new ResponseCase(seed, route, request, status, headers, upstreamBody, notes, refusals, expectedHeaders, jsonBody && hasBody,
                expectedBody, plainBody, calleeValues);
    }

    /** A value of the callee's that the caller must never see (unless it is a caller's value too: then nobody could tell). */
    private static void remember(Rule rule, String value, List<String> calleeValues) {
        if (value != null && !value.isEmpty() && !rule.inTarget(Direction.RESPONSE, value)) {
            calleeValues.add(value);
        }
    }

    ResponseDefinitionBuilder stub() {
        ResponseDefinitionBuilder answer = aResponse().withStatus(status);
        upstreamHeaders.forEach((name, values) -> answer.withHeader(name, values.toArray(String[]::new)));
        if (upstreamBody != null) {
            answer.withBody(upstreamBody);
        }
        return answer;
    }

    boolean mustBeRefused() {
        return !refusals.isEmpty();
    }

    String showUpstream() {
        StringBuilder text = new StringBuilder("HTTP ").append(status).append('\n');
        upstreamHeaders.forEach((name, values) -> values.forEach(v -> text.append(name).append(": ").append(v).append('\n')));
        text.append('\n').append(Reports.printable(plainBody, 3000));
        return text.toString();
    }
}
