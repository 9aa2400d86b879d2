package dev.dragoman.rules.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.dragoman.rules.model.Concept;
import dev.dragoman.rules.model.IdentifierRef;
import dev.dragoman.rules.model.IdentifierTable;
import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.JsonPath.Descendant;
import dev.dragoman.rules.model.JsonPath.EveryElement;
import dev.dragoman.rules.model.JsonPath.EveryMember;
import dev.dragoman.rules.model.JsonPath.Index;
import dev.dragoman.rules.model.JsonPath.Member;
import dev.dragoman.rules.model.JsonPath.Step;
import dev.dragoman.rules.model.Scalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Random cases for the differential tests: an identifier table of one concept in two contexts
 * ({@code a}, {@code b}) with aspects {@code code} and {@code name}, rules from the whole
 * JSONPath subset, and documents drawn from the same names and values so that rules hit, miss
 * and meet other shapes, written with every legal spelling (escapes, whitespace, number forms).
 */
final class RandomBodies {

    /** Member names, some needing brackets, quotes or escapes; none holds both '.' or '[' and ']' (no path could name it). */
    static final List<String> NAMES = List.of("a", "b", "code", "id", "items", "x y", "a.b", "é", "it's", "", "*", "0", "[",
            "\uD83D\uDE00", "q\"k", "b\\s", "a]", "_-9", "tab\tname");
    static final List<String> NUMBERS = List.of("1", "2", "3", "0", "-0", "1.0", "1e0", "1E+2", "-7", "1001",
            "12345678901234567890123", "0.1000000000000000055511", "-1.5e-3");
    static final List<String> STRINGS = List.of("1", "2", "x", "é", "q\"uote", "back\\slash", "tab\tnl\n", "\uD83D\uDE00", "",
            "null", "true", "mob_game_x", "\u0001", "a/b", "\u2028", "caf\u00e9 \u4e2d", "1001", "-0");
    static final List<String> FIELDS = List.of("code", "name");
    private static final Pattern BARE = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?|true|false");

    record Row(Map<String, Scalar> cells) {
    }

    record Case(long seed, byte[] document, List<String> pathTexts, List<JsonPath> paths, List<IdentifierRef> refs, List<Row> rows,
            boolean disjoint) {

        @Override
        public String toString() {
            return "seed " + seed + " (rerun with -Dfuzz.seed=" + seed + " -Dfuzz.cases=1)\n  document: " + new String(document, UTF_8)
                    + "\n  rules: " + rulesText() + "\n  table a->b: " + rows;
        }

        String rulesText() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < paths.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(pathTexts.get(i)).append(": ").append(refs.get(i));
            }
            return out.toString();
        }

        Concept concept() {
            IdentifierTable.Builder table = new IdentifierTable.Builder(rows.size());
            for (String context : List.of("a", "b")) {
                for (String field : FIELDS) {
                    table.declare(context, field);
                }
            }
            for (Row row : rows) {
                int number = table.newRow();
                row.cells().forEach((column, value) -> {
                    String[] parts = column.split("\\.");
                    if (table.put(number, parts[0], parts[1], value) >= 0) {
                        throw new IllegalStateException("the generator made a duplicate in " + column);
                    }
                });
            }
            return new Concept("thing", Map.of("a", FIELDS, "b", FIELDS), table.build(), null);
        }

        JsonBodyRules engine() {
            Concept concept = concept();
            List<CompiledRule> compiled = refs.stream().map(ref -> new CompiledRule(ref, concept, "a", "b", null)).toList();
            return new JsonBodyRules(paths, compiled, "body");
        }

        List<TreeOracle.Rule> oracle() {
            List<TreeOracle.Rule> rules = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                IdentifierRef ref = refs.get(i);
                Map<String, Scalar> targets = new LinkedHashMap<>();
                Set<String> sources = new HashSet<>();
                for (Row row : rows) {
                    Scalar source = row.cells().get("a." + ref.sourceField());
                    Scalar target = row.cells().get("b." + ref.targetField());
                    if (source != null) {
                        sources.add(source.text());
                        if (target != null) {
                            targets.put(source.text(), target);
                        }
                    }
                }
                rules.add(new TreeOracle.Rule(ref.toString(), paths.get(i).steps(), targets, sources));
            }
            return rules;
        }
    }

    private final Random random;
    private final long seed;
    private List<String> ruleNames;
    private List<Scalar> sourceValues;
    private boolean clean;

    RandomBodies(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    Case next() {
        boolean disjoint = random.nextInt(4) != 0;
        List<Row> rows = table(disjoint);
        sourceValues = new ArrayList<>();
        rows.forEach(row -> row.cells().forEach((column, value) -> {
            if (column.startsWith("a.") || random.nextInt(4) == 0) {
                sourceValues.add(value);
            }
        }));
        // a clean case has one rule and a document along its path whose values the table knows: mostly complete translations
        clean = random.nextInt(4) == 0;
        int count = clean ? 1 : 1 + random.nextInt(4);
        List<JsonPath> paths = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<IdentifierRef> refs = new ArrayList<>();
        ruleNames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Step> steps = steps();
            String text = text(steps);
            JsonPath path = JsonPath.parse(text);
            if (!path.steps().equals(steps)) {
                throw new IllegalStateException("the generator wrote " + steps + " as " + text + ", which parses as " + path.steps());
            }
            paths.add(path);
            texts.add(text);
            String from = FIELDS.get(random.nextInt(2));
            String to = random.nextInt(3) == 0 ? FIELDS.get(random.nextInt(2)) : from;
            refs.add(new IdentifierRef("thing", from, to));
        }
        // now and then a UTF-8 byte order mark, which the engine accepts and keeps
        StringBuilder document = new StringBuilder(random.nextInt(20) == 0 ? "\uFEFF" : "");
        space(document);
        if (clean) {
            String source = "a." + refs.get(0).sourceField();
            String target = "b." + refs.get(0).targetField();
            List<Scalar> known = rows.stream().filter(row -> row.cells().containsKey(target))
                    .map(row -> row.cells().get(source)).filter(java.util.Objects::nonNull).toList();
            if (!known.isEmpty()) {
                sourceValues = known;
            }
        }
        if (clean || random.nextInt(5) < 3) {
            along(document, paths.get(random.nextInt(paths.size())).steps(), 0, 0);
        } else {
            value(document, 0, 2 + random.nextInt(4));
        }
        space(document);
        return new Case(seed, document.toString().getBytes(UTF_8), texts, paths, refs, rows, disjoint);
    }

    /** Rows with a value in some cells; texts unique per column, and when disjoint, no a-side text on the b side. */
    private List<Row> table(boolean disjoint) {
        int size = random.nextInt(7);
        Map<String, Set<String>> used = new LinkedHashMap<>();
        Set<String> aTexts = new HashSet<>();
        List<Map<String, Scalar>> cells = new ArrayList<>();
        for (int r = 0; r < size; r++) {
            cells.add(new LinkedHashMap<>());
        }
        for (String context : List.of("a", "b")) {
            for (String field : FIELDS) {
                String column = context + "." + field;
                Set<String> texts = used.computeIfAbsent(column, c -> new HashSet<>());
                for (Map<String, Scalar> row : cells) {
                    if (random.nextInt(6) == 0) {
                        continue;
                    }
                    Scalar value = scalar();
                    for (int retry = 0; retry < 3 && taken(value, texts, context, disjoint, aTexts); retry++) {
                        value = scalar();
                    }
                    if (taken(value, texts, context, disjoint, aTexts)) {
                        continue;
                    }
                    texts.add(value.text());
                    if (context.equals("a")) {
                        aTexts.add(value.text());
                    }
                    row.put(column, value);
                }
            }
        }
        return cells.stream().map(Row::new).toList();
    }

    private static boolean taken(Scalar value, Set<String> column, String context, boolean disjoint, Set<String> aTexts) {
        return column.contains(value.text()) || context.equals("b") && disjoint && aTexts.contains(value.text());
    }

    private Scalar scalar() {
        int kind = random.nextInt(10);
        if (kind < 5) {
            return Scalar.number(pick(NUMBERS));
        }
        if (kind < 9) {
            return Scalar.string(pick(STRINGS));
        }
        return new Scalar(random.nextBoolean() ? "true" : "false", Scalar.Kind.BOOLEAN);
    }

    private List<Step> steps() {
        int length = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(20);
            if (kind < 8) {
                String name = pick(NAMES);
                ruleNames.add(name);
                steps.add(new Member(name));
            } else if (kind < 10) {
                steps.add(new Index(random.nextInt(3)));
            } else if (kind < 14) {
                steps.add(new EveryElement());
            } else if (kind < 16) {
                steps.add(new EveryMember());
            } else {
                String name = pick(NAMES.stream().filter(RandomBodies::dotted).toList());
                ruleNames.add(name);
                steps.add(new Descendant(name));
            }
        }
        return steps;
    }

    /** Whether a name can follow a dot: the path reader ends a dotted name at '.' or '[', and '.*' is a wildcard. */
    private static boolean dotted(String name) {
        return !name.isEmpty() && !name.equals("*") && name.indexOf('.') < 0 && name.indexOf('[') < 0;
    }

    private String text(List<Step> steps) {
        StringBuilder out = new StringBuilder("$");
        for (Step step : steps) {
            if (step instanceof Member member) {
                String name = member.name();
                boolean bracketable = name.indexOf(']') < 0;
                if (dotted(name) && (!bracketable || random.nextBoolean())) {
                    out.append('.').append(name);
                } else {
                    String quote = name.contains("'") || random.nextBoolean() ? "\"" : "'";
                    out.append('[').append(random.nextInt(5) == 0 ? " " : "").append(quote).append(name).append(quote).append(']');
                }
            } else if (step instanceof Index index) {
                out.append('[').append(index.index()).append(']');
            } else if (step instanceof EveryElement) {
                out.append("[*]");
            } else if (step instanceof EveryMember) {
                out.append(".*");
            } else if (step instanceof Descendant descendant) {
                out.append("..").append(descendant.name());
            }
        }
        return out.toString();
    }

    /**
     * A value along a rule's path from {@code steps[i]} on, so that rules reach values often:
     * the members and elements the steps name, among random siblings, and now and then a
     * value of another shape than the step expects.
     */
    private void along(StringBuilder out, List<Step> steps, int i, int depth) {
        if (i == steps.size()) {
            int kind = random.nextInt(10);
            if (clean && kind < 6) {
                known(out);
            } else if (clean) {
                arrays(out, 1 + random.nextInt(3));
            } else if (kind < 5) {
                value(out, 3, 3);
            } else if (kind < 8) {
                arrays(out, 1 + random.nextInt(3));
            } else {
                value(out, depth, depth + 2);
            }
            return;
        }
        if (!clean && random.nextInt(12) == 0 || depth > 8) {
            value(out, depth, depth + 2);
            return;
        }
        Step step = steps.get(i);
        if (step instanceof Member member) {
            object(out, depth, () -> member.name(), 1, () -> along(out, steps, i + 1, depth + 1));
        } else if (step instanceof EveryMember) {
            object(out, depth, () -> pick(NAMES), 1 + random.nextInt(3), () -> along(out, steps, i + 1, depth + 1));
        } else if (step instanceof Index index) {
            out.append('[');
            int size = index.index() + random.nextInt(3);
            for (int e = 0; e < size; e++) {
                if (e > 0) {
                    out.append(',');
                }
                if (e == index.index()) {
                    along(out, steps, i + 1, depth + 1);
                } else {
                    value(out, depth + 1, depth + 2);
                }
            }
            out.append(']');
        } else if (step instanceof EveryElement) {
            out.append('[');
            int size = random.nextInt(4);
            for (int e = 0; e < size; e++) {
                out.append(e > 0 ? "," : "");
                along(out, steps, i + 1, depth + 1);
            }
            out.append(']');
        } else if (step instanceof Descendant descendant) {
            if (random.nextBoolean()) {
                object(out, depth, () -> descendant.name(), 1, () -> along(out, steps, i + 1, depth + 1));
            } else if (random.nextBoolean()) {
                object(out, depth, () -> pick(NAMES), 1, () -> along(out, steps, i, depth + 1));
            } else {
                out.append('[');
                along(out, steps, i, depth + 1);
                out.append(']');
            }
        }
    }

    /** An object with {@code count} members named by {@code name} and written by {@code inner}, among random siblings. */
    private void object(StringBuilder out, int depth, java.util.function.Supplier<String> name, int count, Runnable inner) {
        out.append('{');
        int before = random.nextInt(3);
        int after = random.nextInt(2);
        boolean first = true;
        for (int m = 0; m < before + count + after; m++) {
            if (!first) {
                out.append(',');
            }
            first = false;
            space(out);
            boolean ours = m >= before && m < before + count;
            string(out, ours ? name.get() : sibling());
            out.append(':');
            space(out);
            if (ours) {
                inner.run();
            } else {
                value(out, depth + 1, depth + 2);
            }
        }
        out.append('}');
    }

    /** A sibling's name: in a clean case one no rule names. */
    private String sibling() {
        String name = pick(NAMES);
        return clean && ruleNames.contains(name) ? "sibling" : name;
    }

    /** Arrays of arrays of values, {@code depth} deep at most, with nulls and now and then an object. */
    private void arrays(StringBuilder out, int depth) {
        out.append('[');
        int size = random.nextInt(4);
        for (int e = 0; e < size; e++) {
            out.append(e > 0 ? "," : "");
            space(out);
            int kind = random.nextInt(10);
            if (kind < 3 && depth > 1) {
                arrays(out, depth - 1);
            } else if (kind == 3) {
                out.append("null");
            } else if (clean) {
                known(out);
            } else if (kind == 4) {
                value(out, 2, 3);
            } else {
                value(out, 3, 3);
            }
        }
        out.append(']');
    }

    private void value(StringBuilder out, int depth, int maxDepth) {
        int kind = random.nextInt(depth >= maxDepth ? 4 : 8);
        if (kind >= 6) {
            out.append('{');
            int members = random.nextInt(5);
            for (int i = 0; i < members; i++) {
                space(out);
                string(out, clean ? sibling() : !ruleNames.isEmpty() && random.nextInt(5) != 0 ? pick(ruleNames) : pick(NAMES));
                space(out);
                out.append(':');
                space(out);
                value(out, depth + 1, maxDepth);
                space(out);
                if (i < members - 1) {
                    out.append(',');
                }
            }
            out.append('}');
        } else if (kind >= 4) {
            out.append('[');
            int elements = random.nextInt(5);
            for (int i = 0; i < elements; i++) {
                space(out);
                value(out, depth + 1, maxDepth);
                space(out);
                if (i < elements - 1) {
                    out.append(',');
                }
            }
            out.append(']');
        } else if (kind == 0 && random.nextInt(3) == 0) {
            out.append(random.nextBoolean() ? "null" : random.nextBoolean() ? "true" : "false");
        } else {
            scalar(out, !sourceValues.isEmpty() && random.nextInt(3) != 0 ? pick(sourceValues) : scalar());
        }
    }

    /** A value the table knows (in a clean case, one it translates), or any when it knows none. */
    private void known(StringBuilder out) {
        scalar(out, sourceValues.isEmpty() ? scalar() : pick(sourceValues));
    }

    private void scalar(StringBuilder out, Scalar value) {
        // matching is by text form, so a number may come as a string and the reverse
        boolean asString = value.kind() == Scalar.Kind.STRING ? random.nextInt(6) != 0 : random.nextInt(6) == 0;
        if (asString) {
            string(out, value.text());
        } else if (value.kind() == Scalar.Kind.STRING) {
            out.append(BARE.matcher(value.text()).matches() ? value.text() : "null");
        } else {
            out.append(value.text());
        }
    }

    /** A JSON string holding {@code text}, each character written raw or escaped at random where JSON allows both. */
    private void string(StringBuilder out, String text) {
        out.append('"');
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append(random.nextInt(4) == 0 ? unicode(c) : "\\" + (char) c);
            } else if (c == '/' && random.nextBoolean()) {
                out.append("\\/");
            } else if (c < 0x20) {
                String shortForm = switch (c) {
                    case '\n' -> "\\n";
                    case '\t' -> "\\t";
                    case '\r' -> "\\r";
                    case '\b' -> "\\b";
                    case '\f' -> "\\f";
                    default -> null;
                };
                out.append(shortForm != null && random.nextBoolean() ? shortForm : unicode(c));
            } else if (random.nextInt(6) == 0) {
                out.append(unicode(c));
            } else {
                out.appendCodePoint(c);
            }
        });
        out.append('"');
    }

    /** A code point as \\u escapes: a surrogate pair beyond the BMP, hex digits in either case. */
    private String unicode(int codePoint) {
        StringBuilder out = new StringBuilder();
        for (char unit : Character.toChars(codePoint)) {
            String hex = Integer.toHexString(0x10000 | unit).substring(1);
            out.append("\\u").append(random.nextBoolean() ? hex : hex.toUpperCase());
        }
        return out.toString();
    }

    private void space(StringBuilder out) {
        if (random.nextInt(5) == 0) {
            out.append(" \n\t\r".charAt(random.nextInt(4)));
        }
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
