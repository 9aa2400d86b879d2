package dev.dragoman.gateway.boundary;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dragoman.gateway.boundary.ForeignMap.Direction;
import dev.dragoman.gateway.boundary.ForeignMap.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The property for one request: either the upstream received nothing and the caller got a 4xx
 * problem, or every value at a ruled place of what the upstream received (path template slot,
 * query parameter by its decoded name, header, JSON location at any depth, read leniently) is a
 * value of the callee's vocabulary, and is the translation of what the caller sent there; and
 * never a 5xx of the gateway's own.
 */
final class RequestVerdict {

    private RequestVerdict() {
    }

    static List<String> check(RequestCase c, List<LoggedRequest> received, RawHttp.Response answer) {
        List<String> violations = new ArrayList<>();
        if (answer.status() >= 500) {
            violations.add("gateway-5xx: the gateway answered " + answer.status() + " of its own (the upstream answers 200)");
        }
        if (received.isEmpty()) {
            if (answer.status() < 400 || answer.status() >= 500) {
                violations.add("refused-not-4xx: nothing was forwarded, yet the caller got " + answer.status());
            } else if (!answer.isProblem()) {
                violations.add("refused-not-problem: nothing was forwarded and the " + answer.status()
                        + " answer is not application/problem+json but " + answer.contentType());
            }
            return violations;
        }
        if (received.size() > 1) {
            violations.add("forwarded-twice: the upstream received " + received.size() + " requests");
        }
        for (LoggedRequest upstream : received) {
            if (c.mustBeRefused()) {
                violations.add("forwarded-untranslatable: must be refused (" + String.join("; ", c.refusals()) + ") but was forwarded");
            }
            path(c, upstream, violations);
            query(c, upstream, violations);
            headers(c, upstream, violations);
            body(c, upstream, violations);
        }
        return violations;
    }

    private static void path(RequestCase c, LoggedRequest upstream, List<String> violations) {
        String url = upstream.getUrl();
        String rawPath = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        List<String> segments = Paths.normalize(rawPath);
        if (segments == null) {
            violations.add("path-unreadable: the upstream received a path whose escapes are not UTF-8: " + rawPath);
            return;
        }
        Optional<ForeignMap.Template> template = Paths.match(c.route(), segments);
        if (template.isPresent()) {
            for (int i = 0; i < segments.size(); i++) {
                Rule slot = template.get().segments().get(i).slot();
                if (slot != null && !slot.inTarget(Direction.REQUEST, segments.get(i))) {
                    violations.add("path-leak: segment " + (i + 1) + " of " + rawPath + " reads as '" + segments.get(i)
                            + "', not a callee value of " + slot.yaml() + (slot.inSource(Direction.REQUEST, segments.get(i)) ? " (it is the caller's)" : ""));
                }
            }
        }
        if (!c.mustBeRefused() && !segments.equals(c.expectedSegments())) {
            violations.add("path-mistranslated: the upstream's path " + rawPath + " reads as " + segments + ", expected " + c.expectedSegments());
        }
    }

    private static void query(RequestCase c, LoggedRequest upstream, List<String> violations) {
        String url = upstream.getUrl();
        String rawQuery = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
        Map<String, List<String>> seen = new java.util.LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = Encodings.decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
            if (name == null || !c.route().query().containsKey(name)) {
                continue;
            }
            Rule rule = c.route().query().get(name);
            String value = eq < 0 ? null : Encodings.decodeQuery(pair.substring(eq + 1));
            if (eq >= 0 && value == null) {
                violations.add("query-unreadable: " + pair + " is not UTF-8 once decoded");
                continue;
            }
            if (value == null || value.isEmpty()) {
                continue;
            }
            seen.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            if (!rule.inTarget(Direction.REQUEST, value)) {
                violations.add("query-leak: parameter '" + name + "' (sent as " + pair + ") holds '" + value + "', not a callee value of "
                        + rule.yaml() + (rule.inSource(Direction.REQUEST, value) ? " (it is the caller's)" : ""));
            }
        }
        if (!c.mustBeRefused() && !seen.equals(c.expectedQuery())) {
            violations.add("query-mistranslated: the upstream's ruled parameters are " + seen + ", expected " + c.expectedQuery()
                    + " (raw query: " + rawQuery + ")");
        }
    }

    private static void headers(RequestCase c, LoggedRequest upstream, List<String> violations) {
        Map<String, List<String>> seen = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Rule> rule : c.route().headers().entrySet()) {
            HttpHeader header = upstream.getHeaders().getHeader(rule.getKey());
            if (!header.isPresent()) {
                continue;
            }
            for (String line : header.values()) {
                for (String value : line.split(",")) {
                    String v = value.trim();
                    if (v.isEmpty()) {
                        continue;
                    }
                    seen.computeIfAbsent(rule.getKey().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(v);
                    if (!rule.getValue().inTarget(Direction.REQUEST, v)) {
                        violations.add("header-leak: " + rule.getKey() + " holds '" + v + "', not a callee value of " + rule.getValue().yaml()
                                + (rule.getValue().inSource(Direction.REQUEST, v) ? " (it is the caller's)" : ""));
                    }
                }
            }
        }
        if (!c.mustBeRefused() && !seen.equals(c.expectedHeaders())) {
            violations.add("header-mistranslated: the upstream's ruled headers are " + seen + ", expected " + c.expectedHeaders());
        }
        if (upstream.containsHeader("X-Api-Key")) {
            violations.add("api-key-forwarded: the caller's X-Api-Key reached the upstream");
        }
    }

    private static void body(RequestCase c, LoggedRequest upstream, List<String> violations) {
        if (c.request().body() == null) {
            return;
        }
        byte[] raw = upstream.getBody();
        String coding = upstream.getHeader("Content-Encoding");
        String length = upstream.getHeader("Content-Length");
        // WireMock's journal holds a gzip body decoded, so its length is comparable only without a coding
        if (length != null && (coding == null || coding.equalsIgnoreCase("identity")) && Long.parseLong(length.trim()) != raw.length) {
            violations.add("content-length-wrong: the upstream got Content-Length " + length + " with a body of " + raw.length + " bytes");
        }
        byte[] decoded = RawHttp.decoded(coding, raw);
        if (!c.jsonBody()) {
            if (!Arrays.equals(raw, c.request().body()) && !Arrays.equals(decoded, c.plainBody())) {
                violations.add("body-changed: a body that is not JSON must cross untouched; sent " + Reports.printable(c.plainBody(), 300)
                        + ", the upstream got " + Reports.printable(raw, 300));
            }
            return;
        }
        if (decoded == null) {
            violations.add("body-unreadable: the upstream received a JSON body under Content-Encoding '" + coding
                    + "' that the gateway did not decode, so it cannot have translated it; the callee decodes it and reads the caller's identifiers");
            return;
        }
        String contentType = upstream.getHeader("Content-Type");
        String text = Encodings.jsonText(decoded, contentType);
        if (text == null) {
            violations.add("body-corrupted: the upstream's JSON body is not text in its declared charset (Content-Type " + contentType + "): "
                    + Reports.printable(decoded, 300));
            return;
        }
        Json document;
        try {
            document = Json.parse(text);
        } catch (RuntimeException e) {
            violations.add("body-corrupted: the upstream's body is not JSON (" + e.getMessage() + "): " + Reports.printable(decoded, 300));
            return;
        }
        for (ForeignMap.BodyRule rule : c.route().requestBody()) {
            for (JsonPath.Place place : rule.path().suspects(document)) {
                String value = Json.text(place.value());
                if (!rule.rule().inTarget(Direction.REQUEST, value)) {
                    violations.add("body-leak: " + place.location() + " (rule " + rule.path() + ") holds '" + value + "', not a callee value of "
                            + rule.rule().yaml() + (rule.rule().inSource(Direction.REQUEST, value) ? " (it is the caller's)" : ""));
                }
            }
        }
        if (!c.mustBeRefused() && !Json.same(document, c.expectedBody())) {
            violations.add("body-mistranslated: expected " + Json.write(c.expectedBody()) + "\n    the upstream got " + Json.write(document));
        }
    }
}
