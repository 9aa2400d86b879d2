package dev.dragoman.gateway.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A context map the project has never seen, generated from a seed: two contexts with random
 * names, concepts with random fields and identifier tables whose values are awkward but legal
 * (numbers, digit strings, spaces, {@code / % + & = ? #}, unicode, values of one context that
 * are also values of the other for another thing), and routes from the caller to the callee
 * with path templates, query, header and body rules, {@code on-unknown: reject}.
 */
final class ForeignMap {

    /** An identifier value as the table declares it: its text form and whether it is a number. */
    record Value(String text, boolean number) {
        Json json() {
            return number ? new Json.Num(text) : new Json.Str(text);
        }

        String yaml() {
            return number ? text : quoted(text);
        }
    }

    /** One row: the thing's values per field in the caller and in the callee (null: absent there). */
    record Row(Map<String, Value> caller, Map<String, Value> callee) {
    }

    record Concept(String name, List<String> fields, List<Row> rows) {
        /** The field whose values are plain ASCII in both contexts, fit for HTTP headers. */
        String headerField() {
            return fields.get(0);
        }
    }

    /** Which way a rule reads: a request reads the caller's vocabulary, a response the callee's. */
    enum Direction {
        REQUEST, RESPONSE
    }

    /** {@code concept.field} or {@code concept.field->other}: reads {@code read}, writes {@code write}. */
    record Rule(Concept concept, String read, String write) {
        String yaml() {
            return concept.name() + "." + read + (read.equals(write) ? "" : "->" + write);
        }

        /** The translation of a source value, empty when the map has none. */
        Optional<Value> translate(Direction direction, String text) {
            for (Row row : concept.rows()) {
                Map<String, Value> source = direction == Direction.REQUEST ? row.caller() : row.callee();
                Map<String, Value> target = direction == Direction.REQUEST ? row.callee() : row.caller();
                Value value = source == null ? null : source.get(read);
                if (value != null && value.text().equals(text)) {
                    return target == null ? Optional.empty() : Optional.ofNullable(target.get(write));
                }
            }
            return Optional.empty();
        }

        /** The values of the source vocabulary this rule reads. */
        List<Value> sourceColumn(Direction direction) {
            return column(direction == Direction.REQUEST, read);
        }

        /** The values of the target vocabulary this rule writes. */
        List<Value> targetColumn(Direction direction) {
            return column(direction == Direction.RESPONSE, write);
        }

        boolean inTarget(Direction direction, String text) {
            return targetColumn(direction).stream().anyMatch(v -> v.text().equals(text));
        }

        boolean inSource(Direction direction, String text) {
            return sourceColumn(direction).stream().anyMatch(v -> v.text().equals(text));
        }

        private List<Value> column(boolean caller, String field) {
            List<Value> values = new ArrayList<>();
            for (Row row : concept.rows()) {
                Map<String, Value> side = caller ? row.caller() : row.callee();
                if (side != null && side.get(field) != null) {
                    values.add(side.get(field));
                }
            }
            return values;
        }
    }

    /** A template segment: a literal, or a slot translated by a rule. */
    record Segment(String literal, Rule slot) {
    }

    record Template(List<Segment> segments) {
        String yaml() {
            StringBuilder text = new StringBuilder();
            segments.forEach(s -> text.append('/').append(s.slot() == null ? s.literal() : "{" + s.slot().yaml() + "}"));
            return text.toString();
        }
    }

    record BodyRule(JsonPath path, Rule rule) {
    }

    record Route(String id, List<String> prefix, List<Template> templates, Map<String, Rule> query, Map<String, Rule> headers,
            List<BodyRule> requestBody, Map<String, Rule> responseHeaders, List<BodyRule> responseBody) {

        String prefixPath() {
            return "/" + String.join("/", prefix);
        }
    }

    final long seed;
    final String caller;
    final String callee;
    final List<Concept> concepts = new ArrayList<>();
    final List<Route> routes = new ArrayList<>();
    private final Random random;
    private final Names names;

    ForeignMap(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        this.names = new Names(random);
        this.caller = names.word(4, 7) + "-" + names.word(2, 4);
        this.callee = names.word(4, 7) + "-" + names.word(2, 4);
        int conceptCount = 2 + random.nextInt(2);
        for (int c = 0; c < conceptCount; c++) {
            concepts.add(concept());
        }
        routes.add(route("r-" + names.word(3, 6), List.of(names.word(3, 6)), true));
        routes.add(route("r-" + names.word(3, 6), List.of(names.word(3, 6), names.word(2, 5)), false));
    }

    // ---- tables

    private Concept concept() {
        String name = names.word(3, 8);
        List<String> fields = new ArrayList<>();
        int fieldCount = 2 + random.nextInt(2);
        for (int f = 0; f < fieldCount; f++) {
            fields.add(names.word(2, 6));
        }
        int rowCount = 4 + random.nextInt(6);
        Map<String, List<Value>> callerColumns = new LinkedHashMap<>();
        Map<String, List<Value>> calleeColumns = new LinkedHashMap<>();
        for (String field : fields) {
            boolean headerSafe = field.equals(fields.get(0));
            List<Value> callerValues = column(rowCount, headerSafe, List.of());
            callerColumns.put(field, callerValues);
            // Some of the callee's values are the caller's values of other things: a value that
            // goes through untranslated then names a different thing, the worst leak, which
            // only a check against the expected translation sees.
            calleeColumns.put(field, column(rowCount, headerSafe, callerValues));
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < rowCount; r++) {
            Map<String, Value> callerRow = new LinkedHashMap<>();
            Map<String, Value> calleeRow = new LinkedHashMap<>();
            for (String field : fields) {
                callerRow.put(field, callerColumns.get(field).get(r));
                calleeRow.put(field, calleeColumns.get(field).get(r));
            }
            // a thing the caller knows that does not exist in the callee's context
            boolean callerOnly = r == rowCount - 1;
            // and one that exists only in the callee's: a foreign value for the caller
            boolean calleeOnly = r == rowCount - 2;
            rows.add(new Row(calleeOnly ? null : callerRow, callerOnly ? null : calleeRow));
        }
        return new Concept(name, List.copyOf(fields), List.copyOf(rows));
    }

    private List<Value> column(int size, boolean headerSafe, List<Value> lookalikes) {
        int style = headerSafe ? random.nextInt(3) : random.nextInt(5);
        Set<String> taken = new HashSet<>();
        List<Value> values = new ArrayList<>();
        while (values.size() < size) {
            Value value;
            if (!lookalikes.isEmpty() && random.nextInt(3) == 0) {
                Value other = lookalikes.get(random.nextInt(lookalikes.size()));
                // the same text, sometimes with the other JSON type: "7" matches 7
                value = other.number() && random.nextBoolean() ? new Value(other.text(), false) : other;
            } else {
                value = Values.generate(random, style);
            }
            if (taken.add(value.text())) {
                values.add(value);
            }
        }
        return values;
    }

    // ---- routes

    private Route route(String id, List<String> prefix, boolean problemNamedResponseRule) {
        List<Template> templates = new ArrayList<>();
        Set<String> firstLiterals = new HashSet<>();
        int templateCount = 2 + random.nextInt(2);
        while (templates.size() < templateCount) {
            String first = names.word(3, 6);
            if (!firstLiterals.add(first)) {
                continue;
            }
            List<Segment> segments = new ArrayList<>();
            segments.add(new Segment(first, null));
            segments.add(new Segment(null, anyRule()));
            switch (random.nextInt(3)) {
                case 0 -> segments.add(new Segment(names.word(2, 5), null));
                case 1 -> segments.add(new Segment(null, anyRule()));
                default -> {
                }
            }
            templates.add(new Template(List.copyOf(segments)));
        }
        Map<String, Rule> query = new LinkedHashMap<>();
        int queryCount = 1 + random.nextInt(3);
        while (query.size() < queryCount) {
            query.put(names.word(3, 6) + names.capitalised(2, 5), anyRule());
        }
        Map<String, Rule> headers = new LinkedHashMap<>();
        headers.put("X-" + names.capitalised(3, 6) + "-" + names.capitalised(2, 5), headerRule());
        if (random.nextBoolean()) {
            headers.put("X-" + names.capitalised(3, 6) + "-" + names.capitalised(2, 5), headerRule());
        }
        List<BodyRule> requestBody = bodyRules(2 + random.nextInt(4), List.of());
        Map<String, Rule> responseHeaders = new LinkedHashMap<>();
        responseHeaders.put("X-" + names.capitalised(3, 6) + "-" + names.capitalised(2, 5), headerRule());
        // Rules that name members of a problem document: the gateway's own answers must not
        // be read by them (issue 12, finding 1).
        List<String> problemMembers = problemNamedResponseRule
                ? List.of(List.of("title", "detail", "type").get(random.nextInt(3))) : List.of();
        List<BodyRule> responseBody = bodyRules(2 + random.nextInt(3), problemMembers);
        return new Route(id, List.copyOf(prefix), List.copyOf(templates), query, headers, requestBody, responseHeaders, responseBody);
    }

    private Rule anyRule() {
        Concept concept = concepts.get(random.nextInt(concepts.size()));
        String read = concept.fields().get(random.nextInt(concept.fields().size()));
        String write = random.nextInt(4) == 0 ? concept.fields().get(random.nextInt(concept.fields().size())) : read;
        return new Rule(concept, read, write);
    }

    private Rule headerRule() {
        Concept concept = concepts.get(random.nextInt(concepts.size()));
        return new Rule(concept, concept.headerField(), concept.headerField());
    }

    /** Rules whose paths use names of their own, so that no two rules reach the same value. */
    private List<BodyRule> bodyRules(int count, List<String> problemMembers) {
        List<BodyRule> rules = new ArrayList<>();
        for (String member : problemMembers) {
            List<JsonPath.Step> steps = List.of(random.nextBoolean() ? new JsonPath.Member(member) : new JsonPath.Descendant(member));
            rules.add(new BodyRule(JsonPath.of(steps, random), anyRule()));
        }
        while (rules.size() < count + problemMembers.size()) {
            rules.add(new BodyRule(JsonPath.of(steps(), random), anyRule()));
        }
        return rules;
    }

    private List<JsonPath.Step> steps() {
        Supplier<String> name = () -> names.unique(random.nextInt(5) == 0 ? names.word(2, 4) + " " + names.word(2, 4) : names.word(3, 7));
        return switch (random.nextInt(9)) {
            case 0 -> List.of(new JsonPath.Member(name.get()));
            case 1 -> List.of(new JsonPath.Member(name.get()), new JsonPath.Member(name.get()));
            case 2 -> List.of(new JsonPath.Member(name.get()), new JsonPath.Wildcard(), new JsonPath.Member(name.get()));
            case 3 -> List.of(new JsonPath.Member(name.get()), new JsonPath.Index(random.nextInt(3)), new JsonPath.Member(name.get()));
            case 4 -> List.of(new JsonPath.Member(name.get()), new JsonPath.Wildcard());
            case 5 -> List.of(new JsonPath.Descendant(name.get()));
            case 6 -> List.of(new JsonPath.Member(name.get()), new JsonPath.Descendant(name.get()));
            case 7 -> List.of(new JsonPath.Member(name.get()), new JsonPath.Wildcard(), new JsonPath.Wildcard());
            default -> List.of(new JsonPath.Member(name.get()), new JsonPath.Index(random.nextInt(2)));
        };
    }

    // ---- the YAML

    String yaml(int upstreamPort) {
        StringBuilder y = new StringBuilder();
        y.append("contexts:\n");
        y.append("  ").append(caller).append(": {description: the caller}\n");
        y.append("  ").append(callee).append(": {description: the callee}\n");
        y.append("concepts:\n");
        for (Concept concept : concepts) {
            y.append("  ").append(concept.name()).append(":\n");
            y.append("    keys:\n");
            y.append("      ").append(caller).append(": [").append(String.join(", ", concept.fields())).append("]\n");
            y.append("      ").append(callee).append(": [").append(String.join(", ", concept.fields())).append("]\n");
            y.append("    entries:\n");
            for (Row row : concept.rows()) {
                String dash = "      - ";
                for (Map.Entry<String, Map<String, Value>> side : sides(row).entrySet()) {
                    if (side.getValue() == null) {
                        continue;
                    }
                    y.append(dash).append(side.getKey()).append(":\n");
                    dash = "        ";
                    side.getValue().forEach((field, value) ->
                            y.append("          ").append(field).append(": ").append(value.yaml()).append('\n'));
                }
            }
        }
        y.append("routes:\n");
        for (Route route : routes) {
            y.append("  - id: ").append(route.id()).append('\n');
            y.append("    from: ").append(caller).append('\n');
            y.append("    to: ").append(callee).append('\n');
            y.append("    path: ").append(route.prefixPath()).append("/**\n");
            y.append("    strip-prefix: ").append(route.prefix().size()).append('\n');
            y.append("    upstream: http://127.0.0.1:").append(upstreamPort).append('\n');
            y.append("    on-unknown: reject\n");
            y.append("    request:\n");
            y.append("      path-templates:\n");
            route.templates().forEach(t -> y.append("        - ").append(quoted(t.yaml())).append('\n'));
            y.append("      query:\n");
            route.query().forEach((name, rule) -> y.append("        ").append(quoted(name)).append(": ").append(rule.yaml()).append('\n'));
            y.append("      headers:\n");
            route.headers().forEach((name, rule) -> y.append("        ").append(name).append(": ").append(rule.yaml()).append('\n'));
            y.append("      body:\n");
            route.requestBody().forEach(r -> y.append("        ").append(quoted(r.path().text())).append(": ").append(r.rule().yaml()).append('\n'));
            y.append("    response:\n");
            y.append("      headers:\n");
            route.responseHeaders().forEach((name, rule) -> y.append("        ").append(name).append(": ").append(rule.yaml()).append('\n'));
            y.append("      body:\n");
            route.responseBody().forEach(r -> y.append("        ").append(quoted(r.path().text())).append(": ").append(r.rule().yaml()).append('\n'));
        }
        return y.toString();
    }

    private Map<String, Map<String, Value>> sides(Row row) {
        Map<String, Map<String, Value>> sides = new LinkedHashMap<>();
        sides.put(caller, row.caller());
        sides.put(callee, row.callee());
        return sides;
    }

    Path write(int upstreamPort) {
        try {
            Path dir = Files.createTempDirectory("dragoman-foreign-maps");
            Files.writeString(dir.resolve(names.word(3, 6) + ".yaml"), yaml(upstreamPort));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML double-quoted scalar (JSON's escapes are YAML's too). */
    static String quoted(String text) {
        return Json.write(new Json.Str(text));
    }

    /** Random names that are plain YAML keys and never one of YAML 1.1's booleans or nulls. */
    static final class Names {
        private static final Set<String> RESERVED = Set.of("yes", "no", "on", "off", "true", "false", "null", "nan", "inf", "y", "n");
        private final Random random;
        private final Set<String> used = new HashSet<>();

        Names(Random random) {
            this.random = random;
        }

        String word(int min, int max) {
            while (true) {
                int length = min + random.nextInt(max - min + 1);
                StringBuilder word = new StringBuilder();
                for (int i = 0; i < length; i++) {
                    word.append(i % 2 == 0 ? "bcdfghjklmnprstvwxz".charAt(random.nextInt(19)) : "aeiou".charAt(random.nextInt(5)));
                }
                String text = word.toString();
                if (!RESERVED.contains(text) && used.add(text)) {
                    return text;
                }
            }
        }

        String capitalised(int min, int max) {
            String word = word(min, max);
            return Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }

        String unique(String name) {
            used.add(name);
            return name;
        }
    }
}
