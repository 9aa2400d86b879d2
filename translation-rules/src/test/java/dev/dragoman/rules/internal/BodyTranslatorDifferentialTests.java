package dev.dragoman.rules.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.dragoman.rules.BodyTranslation;
import dev.dragoman.rules.Unresolved;
import dev.dragoman.rules.internal.RandomBodies.Case;
import dev.dragoman.rules.internal.TreeOracle.Outcome;
import dev.dragoman.rules.internal.TreeOracle.Reached;
import dev.dragoman.rules.internal.TreeOracle.Replacement;
import dev.dragoman.rules.internal.TreeOracle.Report;
import dev.dragoman.rules.model.Scalar;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engine against an oracle: random documents, rules and tables, each translated by the
 * streaming engine and by {@link TreeOracle}, a plain recursion over a whole tree. They must
 * agree on the translated value, on every unresolved value (location, value, reason, rule, in
 * order), and on which bytes change; and a complete translation must leave no value of the
 * source column where a rule applies.
 *
 * <p>A few thousand cases by default; {@code -Dfuzz.cases=1000000} runs more, and a failure
 * names its seed, which {@code -Dfuzz.seed=<seed> -Dfuzz.cases=1} runs again alone.
 */
class BodyTranslatorDifferentialTests {

    static final int CASES = Integer.getInteger("fuzz.cases", 3_000);
    static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    /** Spreads consecutive case numbers over the seed space, so neighbouring cases share nothing. */
    static final long SPREAD = 0x9E3779B97F4A7C15L;

    @Test
    void agreesWithTheTreeOracleOnRandomDocumentsRulesAndTables() {
        for (int i = 0; i < CASES; i++) {
            Case c = new RandomBodies(SEED + i * SPREAD).next();
            try {
                check(c);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("case " + i + " of " + CASES + ", " + c + "\n" + e.getMessage(), e);
            }
        }
    }

    private static void check(Case c) {
        JsonTree.Node input = JsonTree.parse(c.document());
        List<TreeOracle.Rule> rules = c.oracle();
        Outcome expected = TreeOracle.translate(input, rules, "body");

        BodyTranslation actual = c.engine().translate(c.document());

        List<Report> reports = actual.unresolved().stream()
                .map(u -> new Report(u.location(), u.rule(), u.value(), u.reason())).toList();
        assertThat(reports).as("unresolved").containsExactlyElementsOf(
                expected.reports().subList(0, Math.min(expected.reports().size(), Unresolved.REPORTED_LIMIT)));
        assertThat(actual.unresolvedCount()).as("unresolved count").isEqualTo(expected.reports().size());
        assertThat(actual.translated()).as("translated count").isEqualTo(expected.replacements().size());

        JsonTree.Node output = JsonTree.parse(actual.body());
        assertThat(JsonTree.same(output, JsonTree.parse(withExpectedValues(c.document(), expected.replacements()))))
                .as("the translated document as a JSON value:\n  engine: %s", new String(actual.body(), UTF_8)).isTrue();
        sameBytesOutsideTranslatedValues(c.document(), actual.body(), expected.replacements());
        if (expected.replacements().isEmpty()) {
            assertThat(actual.body()).as("untranslated documents come back as they came").isEqualTo(c.document());
        }
        // only where no target value is also a source value: a table may map 1 to 2 and 2 to 3
        if (actual.complete() && c.disjoint()) {
            noSourceValueRemains(output, rules);
        }
    }

    /** The input with each replaced scalar written canonically: the oracle's expectation as bytes to parse. */
    private static byte[] withExpectedValues(byte[] input, List<Replacement> replacements) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (Replacement r : replacements) {
            out.append(new String(input, from, r.at().start() - from, UTF_8)).append(json(r.value()));
            from = r.at().end();
        }
        return (out + new String(input, from, input.length - from, UTF_8)).getBytes(UTF_8);
    }

    private static String json(Scalar value) {
        if (value.kind() != Scalar.Kind.STRING) {
            return value.text();
        }
        StringBuilder out = new StringBuilder("\"");
        value.text().chars().forEach(c -> out.append(c == '"' || c == '\\' || c < 0x20 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }

    /**
     * Walks input and output together: between the translated values the bytes are the same,
     * and each translated value is one JSON scalar holding the expected target value.
     */
    private static void sameBytesOutsideTranslatedValues(byte[] input, byte[] output, List<Replacement> replacements) {
        int in = 0;
        int out = 0;
        for (Replacement r : replacements) {
            int untouched = r.at().start() - in;
            assertThat(slice(output, out, untouched)).as("bytes before the value at %d", r.at().start()).isEqualTo(slice(input, in, untouched));
            out += untouched;
            int end = scalarEnd(output, out);
            JsonTree.Node written = JsonTree.parse(slice(output, out, end - out));
            JsonTree.Kind kind = JsonTree.Kind.valueOf(r.value().kind().name());
            assertThat(written).as("the value written for the one at byte %d", r.at().start())
                    .isInstanceOfSatisfying(JsonTree.Scalar.class, s -> {
                        assertThat(s.kind()).isEqualTo(kind);
                        assertThat(s.text()).isEqualTo(r.value().text());
                    });
            out = end;
            in = r.at().end();
        }
        assertThat(slice(output, out, output.length - out)).as("bytes after the last value").isEqualTo(slice(input, in, input.length - in));
    }

    private static int scalarEnd(byte[] json, int start) {
        int i = start;
        if (json[i] == '"') {
            for (i++; json[i] != '"'; i++) {
                if (json[i] == '\\') {
                    i++;
                }
            }
            return i + 1;
        }
        while (i < json.length && !JsonTree.delimiter(json[i])) {
            i++;
        }
        return i;
    }

    private static byte[] slice(byte[] bytes, int from, int length) {
        return java.util.Arrays.copyOfRange(bytes, from, from + length);
    }

    /** Where a rule applies in the translated document, no value is one the source context would use. */
    private static void noSourceValueRemains(JsonTree.Node output, List<TreeOracle.Rule> rules) {
        for (Reached reached : TreeOracle.translate(output, rules, "body").reached()) {
            Set<String> sources = rules.get(reached.rule()).sources();
            if (sources.contains(reached.scalar().text())) {
                fail("the source value " + reached.scalar().text() + " remains at byte " + reached.scalar().start() + " under "
                        + rules.get(reached.rule()).name());
            }
        }
    }
}
