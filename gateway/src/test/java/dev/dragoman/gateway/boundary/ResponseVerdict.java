package dev.dragoman.gateway.boundary;

import dev.dragoman.gateway.boundary.ForeignMap.Direction;
import dev.dragoman.gateway.boundary.ForeignMap.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The property for one answer: the caller gets the upstream's answer with every ruled place
 * (header, JSON location at any depth, read leniently) holding the translation into its own
 * vocabulary, or a 502 problem that names no value of the callee's; never a 5xx of the
 * gateway's own otherwise.
 */
final class ResponseVerdict {

    static final String PROBLEM_TYPES = "https://dragoman.dev/problems/";

    private ResponseVerdict() {
    }

    static List<String> check(ResponseCase c, RawHttp.Response answer) {
        List<String> violations = new ArrayList<>();
        Json problem = ownProblem(answer);
        if (problem != null || (answer.isProblem() && answer.status() == 502)) {
            if (answer.status() != 502) {
                violations.add((answer.status() >= 500 ? "gateway-5xx" : "response-own-" + answer.status())
                        + ": the gateway answered its own " + answer.status() + " instead of the upstream's " + c.status());
            } else if (!c.mustBeRefused()) {
                violations.add("response-refused-translatable: every ruled value of the upstream's answer translates, yet the caller got a 502");
            }
            for (String value : c.calleeValues()) {
                if (problem != null && shows(problem, value)) {
                    violations.add("problem-shows-callee-value: the " + answer.status() + " problem shows the callee's '" + value + "'");
                }
            }
            for (Map.Entry<String, Rule> rule : c.route().responseHeaders().entrySet()) {
                if (!answer.all(rule.getKey()).isEmpty()) {
                    violations.add("problem-carries-upstream-header: the " + answer.status() + " problem carries the upstream's "
                            + rule.getKey() + ": " + answer.all(rule.getKey()));
                }
            }
            return violations;
        }
        if (c.mustBeRefused()) {
            violations.add("response-untranslatable-passed: must be a 502 (" + String.join("; ", c.refusals()) + ") but the caller got "
                    + answer.status());
        }
        if (answer.status() != c.status()) {
            violations.add("response-status-changed: the upstream answered " + c.status() + ", the caller got " + answer.status());
        }
        headers(c, answer, violations);
        body(c, answer, violations);
        String length = answer.first("Content-Length");
        if (length != null && !c.request().method().equals("HEAD") && c.status() != 204 && c.status() != 304
                && Long.parseLong(length.trim()) != answer.body().length) {
            violations.add("content-length-wrong: Content-Length " + length + " for a body of " + answer.body().length + " bytes");
        }
        return violations;
    }

    private static void headers(ResponseCase c, RawHttp.Response answer, List<String> violations) {
        Map<String, List<String>> seen = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Rule> rule : c.route().responseHeaders().entrySet()) {
            for (String line : answer.all(rule.getKey())) {
                for (String value : line.split(",")) {
                    String v = value.trim();
                    if (v.isEmpty()) {
                        continue;
                    }
                    seen.computeIfAbsent(rule.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(v);
                    if (!rule.getValue().inTarget(Direction.RESPONSE, v)) {
                        violations.add("response-header-leak: " + rule.getKey() + " reaches the caller as '" + v + "', not a caller value of "
                                + rule.getValue().yaml() + (rule.getValue().inSource(Direction.RESPONSE, v) ? " (it is the callee's)" : ""));
                    }
                }
            }
        }
        if (!c.mustBeRefused() && !seen.equals(c.expectedHeaders())) {
            violations.add("response-header-mistranslated: the caller's ruled headers are " + seen + ", expected " + c.expectedHeaders());
        }
    }

    private static void body(ResponseCase c, RawHttp.Response answer, List<String> violations) {
        if (c.plainBody() == null) {
            return;
        }
        String coding = answer.first("Content-Encoding");
        byte[] decoded = RawHttp.decoded(coding, answer.body());
        if (decoded == null) {
            violations.add("response-body-unreadable: the caller got a body under Content-Encoding '" + coding + "' that does not decode");
            return;
        }
        if (!c.jsonBody()) {
            if (!Arrays.equals(decoded, c.plainBody())) {
                violations.add("response-body-changed: a body that is not JSON must cross untouched; the caller got "
                        + Reports.printable(decoded, 300));
            }
            return;
        }
        String text = Encodings.jsonText(decoded, answer.contentType());
        Json document;
        try {
            document = Json.parse(text);
        } catch (RuntimeException e) {
            violations.add("response-body-corrupted: the caller's body is not JSON (" + e.getMessage() + "): " + Reports.printable(decoded, 300));
            return;
        }
        for (ForeignMap.BodyRule rule : c.route().responseBody()) {
            for (JsonPath.Place place : rule.path().suspects(document)) {
                String value = Json.text(place.value());
                if (!rule.rule().inTarget(Direction.RESPONSE, value)) {
                    violations.add("response-body-leak: " + place.location() + " (rule " + rule.path() + ") reaches the caller as '" + value
                            + "', not a caller value of " + rule.rule().yaml()
                            + (rule.rule().inSource(Direction.RESPONSE, value) ? " (it is the callee's)" : ""));
                }
            }
        }
        if (!c.mustBeRefused() && !Json.same(document, c.expectedBody())) {
            violations.add("response-body-mistranslated: expected " + Json.write(c.expectedBody()) + "\n    the caller got " + Json.write(document));
        }
    }

    /** The gateway's own problem document, or null when the answer is not one. */
    static Json ownProblem(RawHttp.Response answer) {
        if (!answer.isProblem()) {
            return null;
        }
        try {
            Json problem = Json.parse(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
            if (problem instanceof Json.Obj obj && obj.members().stream()
                    .anyMatch(m -> m.getKey().equals("type") && m.getValue() instanceof Json.Str s && s.value().startsWith(PROBLEM_TYPES))) {
                return problem;
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    /**
     * Whether a problem shows the value: as the {@code value} of a member, or inside a text,
     * alone or quoted. Other numbers (its status, a count) are the problem's own.
     */
    static boolean shows(Json node, String value) {
        if (node instanceof Json.Obj obj) {
            return obj.members().stream().anyMatch(m -> (m.getKey().equals("value") && Json.isScalar(m.getValue())
                    && value.equals(Json.text(m.getValue()))) || shows(m.getValue(), value));
        }
        if (node instanceof Json.Arr arr) {
            return arr.elements().stream().anyMatch(e -> shows(e, value));
        }
        return node instanceof Json.Str s
                && (s.value().equals(value) || s.value().contains("'" + value + "'") || s.value().contains("\"" + value + "\""));
    }
}
