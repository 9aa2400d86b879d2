package dev.dragoman.tools.maptest;

import dev.dragoman.tools.maptest.MapTestCase.ExpectedError;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The comparisons both kinds of case make, each adding one readable line per difference. */
final class Expectations {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Expectations() {
    }

    static void error(ExpectedError expected, int status, String body, String who, List<String> failures) {
        if (status != expected.status()) {
            failures.add(who + " received status " + status + ", expected " + expected.status() + detail(body));
            return;
        }
        if (expected.errors().isEmpty()) {
            return;
        }
        JsonNode errors;
        try {
            errors = JSON.readTree(body).path("errors");
        } catch (JacksonException e) {
            failures.add(who + " received a body that is not JSON: " + shorten(body));
            return;
        }
        if (errors.size() != expected.errors().size()) {
            failures.add(who + " received " + errors.size() + " errors, expected " + expected.errors().size() + ": " + JsonDiff.show(errors));
        }
        for (int i = 0; i < Math.min(errors.size(), expected.errors().size()); i++) {
            JsonNode actual = errors.get(i);
            int index = i;
            expected.errors().get(i).forEach((member, value) -> {
                String got = actual.path(member).asString(null);
                if (value == null ? got != null : !value.equals(got)) {
                    failures.add(who + "'s errors[" + index + "]." + member + ": expected " + quote(value) + ", got " + quote(got));
                }
            });
        }
    }

    static void body(String what, JsonNode expected, String actual, List<String> failures) {
        if (expected == null) {
            return;
        }
        if (expected.isString()) {
            if (!expected.asString().equals(actual)) {
                failures.add(what + ": expected " + quote(expected.asString()) + ", got " + quote(shorten(actual)));
            }
            return;
        }
        JsonNode parsed;
        try {
            parsed = actual == null || actual.isEmpty() ? null : JSON.readTree(actual);
        } catch (JacksonException e) {
            failures.add(what + " is not JSON: " + quote(shorten(actual)));
            return;
        }
        if (parsed == null) {
            failures.add(what + ": expected " + JsonDiff.show(expected) + ", got no body");
            return;
        }
        JsonDiff.diff(expected, parsed).forEach(d -> failures.add(what + " at " + d));
    }

    static String detail(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.has("detail")) {
                return " (" + problem.get("detail").asString() + ")";
            }
        } catch (JacksonException | IllegalArgumentException e) {
            // not a problem document: show the text
        }
        return body == null || body.isEmpty() ? "" : " (body: " + shorten(body) + ")";
    }

    static String quote(String text) {
        return text == null ? "nothing" : "'" + text + "'";
    }

    static String shorten(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
