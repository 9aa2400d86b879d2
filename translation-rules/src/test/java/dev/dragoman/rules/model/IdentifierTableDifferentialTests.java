package dev.dragoman.rules.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.model.IdentifierTable.Column;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compact table against the obvious one: random tables (texts with non-ASCII, surrogate
 * pairs and lone surrogates, empty texts, numbers with leading zeros, minus zero, exponents,
 * integers past a long, hash collisions, duplicates, sparse and dense columns) built once
 * through {@link IdentifierTable.Builder} and once into a HashMap per column, then every
 * {@code put}, {@code find} (String, chars, UTF-8 bytes), {@code scalarAt}, {@code textAt},
 * {@code kindAt} and {@code count} compared. {@code -Dfuzz.cases=N} runs more; the seed is
 * printed and every failure names its case's seed ({@code -Dfuzz.seed} replays it).
 */
class IdentifierTableDifferentialTests {

    static final int CASES = Integer.getInteger("fuzz.cases", 400);
    static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());

    private static final String[] NUMBERS = {"0", "-0", "007", "00", "1", "-1", "10", "1.0", "1e3", "1E+3", "-1.5E-7", "0.0",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
        "92233720368547758070", "123456789012345678901234567890", "+5", " 1", "1 ", "0x10", "٣", "１"};
    private static final String[] PIECES = {"a", "Z", "_", "game", "é", "ß", "☕", "漢字", "\uD83D\uDE00", "\uD834\uDD1E", "\u0000",
        "\"", "\\", " ", "-", "7", "\u007f", "\u0080", "\u07ff", "\u0800", "\uffff"};

    @Test
    void behavesLikeAHashMapPerColumn() {
        System.out.println("IdentifierTableDifferentialTests: -Dfuzz.seed=" + SEED + " -Dfuzz.cases=" + CASES);
        for (int i = 0; i < CASES; i++) {
            long seed = SEED + i * 0x9E3779B97F4A7C15L;
            try {
                runCase(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("case failed; replay with -Dfuzz.seed=" + seed + " -Dfuzz.cases=1: " + e.getMessage(), e);
            }
        }
    }

    /** One column's expected content. */
    private static final class Oracle {
        final Map<String, Integer> rowOf = new HashMap<>();
        final Map<Integer, Scalar> valueAt = new HashMap<>();
    }

    private static void runCase(long seed) {
        Random random = new Random(seed);
        int rows = random.nextInt(8) == 0 ? random.nextInt(3_000) : random.nextInt(120);
        int columns = 1 + random.nextInt(3);
        IdentifierTable.Builder builder = new IdentifierTable.Builder(random.nextInt(4) == 0 ? rows : random.nextInt(20));
        List<Oracle> oracles = new ArrayList<>();
        double[] density = new double[columns];
        for (int c = 0; c < columns; c++) {
            oracles.add(new Oracle());
            builder.declare("ctx", "f" + c);
            density[c] = switch (random.nextInt(4)) {
                case 0 -> 1.0;
                case 1 -> 0.05;
                default -> random.nextDouble();
            };
        }
        int style = random.nextInt(5);
        IdentifierTable first = null;
        List<Oracle> firstOracles = null;
        int firstRows = 0;
        int half = random.nextInt(5) == 0 ? rows / 2 : -1;
        for (int r = 0; r < rows; r++) {
            if (r == half) {
                first = builder.build();
                firstOracles = copy(oracles);
                firstRows = r;
            }
            int row = builder.newRow();
            assertThat(row).isEqualTo(r);
            for (int c = 0; c < columns; c++) {
                if (random.nextDouble() >= density[c]) {
                    continue;
                }
                Oracle oracle = oracles.get(c);
                Scalar value = new Scalar(duplicateOrNew(random, oracle, style), Scalar.Kind.values()[random.nextInt(3)]);
                Integer earlier = oracle.rowOf.get(value.text());
                int answered = builder.put(row, "ctx", "f" + c, value);
                same("put " + value, answered, earlier == null ? -1 : earlier);
                if (earlier == null) {
                    oracle.rowOf.put(value.text(), row);
                    oracle.valueAt.put(row, value);
                }
            }
        }
        IdentifierTable table = builder.build();
        assertThat(table.size()).isEqualTo(rows);
        for (int c = 0; c < columns; c++) {
            check(random, table.column("ctx", "f" + c).orElseThrow(), oracles.get(c), rows, style);
        }
        if (first != null) {
            assertThat(first.size()).as("a table built earlier does not change").isEqualTo(firstRows);
            for (int c = 0; c < columns; c++) {
                check(random, first.column("ctx", "f" + c).orElseThrow(), firstOracles.get(c), firstRows, style);
            }
        }
    }

    private static List<Oracle> copy(List<Oracle> oracles) {
        List<Oracle> copies = new ArrayList<>();
        for (Oracle oracle : oracles) {
            Oracle copy = new Oracle();
            copy.rowOf.putAll(oracle.rowOf);
            copy.valueAt.putAll(oracle.valueAt);
            copies.add(copy);
        }
        return copies;
    }

    private static void check(Random random, Column column, Oracle oracle, int rows, int style) {
        same("count", column.count(), oracle.rowOf.size());
        for (int row = -2; row < rows + 3; row++) {
            Scalar expected = oracle.valueAt.get(row);
            same("scalarAt(" + row + ")", column.scalarAt(row), expected);
            same("textAt(" + row + ")", column.textAt(row), expected == null ? null : expected.text());
            same("kindAt(" + row + ")", column.kindAt(row), expected == null ? null : expected.kind());
        }
        for (Map.Entry<String, Integer> entry : oracle.rowOf.entrySet()) {
            finds(column, entry.getKey(), entry.getValue());
            for (String near : nearMisses(random, entry.getKey())) {
                finds(column, near, oracle.rowOf.getOrDefault(near, -1));
            }
        }
        for (int i = 0; i < 50; i++) {
            String probe = text(random, style);
            finds(column, probe, oracle.rowOf.getOrDefault(probe, -1));
        }
        assertThat(column.find(null)).isEqualTo(-1);
    }

    /** find(String), find(char[]) inside a larger buffer and, for texts UTF-8 can hold, findUtf8 agree with the oracle. */
    private static void finds(Column column, String text, int expected) {
        same("find(\"" + escaped(text) + "\")", column.find(text), expected);
        char[] buffer = ("x\"" + text + "\"y").toCharArray();
        same("find(chars \"" + escaped(text) + "\")", column.find(buffer, 2, text.length()), expected);
        if (!CompactTexts.hasLoneSurrogate(text)) {
            byte[] utf8 = ("ab" + text + "c").getBytes(StandardCharsets.UTF_8);
            int length = text.getBytes(StandardCharsets.UTF_8).length;
            same("findUtf8(\"" + escaped(text) + "\")", column.findUtf8(utf8, 2, length), expected);
        }
    }

    /** A plain comparison: AssertJ's per-call cost would dominate the hundreds of thousands of checks of a run. */
    private static void same(String what, Object actual, Object expected) {
        if (!java.util.Objects.equals(actual, expected)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual);
        }
    }

    private static List<String> nearMisses(Random random, String text) {
        List<String> near = new ArrayList<>();
        near.add(text + "0");
        near.add("0" + text);
        near.add("-" + text);
        if (!text.isEmpty()) {
            near.add(text.substring(1));
            near.add(text.substring(0, text.length() - 1));
            char[] chars = text.toCharArray();
            int at = random.nextInt(chars.length);
            chars[at] = (char) (chars[at] + 1);
            near.add(new String(chars));
        }
        return near;
    }

    private static String duplicateOrNew(Random random, Oracle oracle, int style) {
        if (!oracle.rowOf.isEmpty() && random.nextInt(8) == 0) {
            List<String> used = new ArrayList<>(oracle.rowOf.keySet());
            return used.get(random.nextInt(used.size()));
        }
        return text(random, style);
    }

    /** A text of one of a few families; style 0 keeps to numbers, 1 to collisions, the rest mix everything. */
    private static String text(Random random, int style) {
        int family = style == 0 ? random.nextInt(3) : style == 1 ? 5 : random.nextInt(8);
        return switch (family) {
            case 0 -> Long.toString(random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(2_000) - 200);
            case 1 -> NUMBERS[random.nextInt(NUMBERS.length)];
            case 2 -> (random.nextBoolean() ? "-" : "") + "0".repeat(random.nextInt(3)) + random.nextInt(1_000)
                    + (random.nextInt(4) == 0 ? "e" + random.nextInt(20) : "") + (random.nextInt(4) == 0 ? ".5" : "");
            case 3 -> "";
            case 4 -> {
                StringBuilder big = new StringBuilder(random.nextBoolean() ? "-" : "");
                big.append(1 + random.nextInt(9));
                for (int i = 17 + random.nextInt(6); i > 0; i--) {
                    big.append(random.nextInt(10));
                }
                yield big.toString();
            }
            case 5 -> {
                StringBuilder same = new StringBuilder(); // "Aa" and "BB" share a hash, so these all collide per length
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    same.append(random.nextBoolean() ? "Aa" : "BB");
                }
                yield same.toString();
            }
            case 6 -> {
                StringBuilder lone = new StringBuilder("x");
                lone.append(random.nextBoolean() ? '\uD83D' : '\uDE00');
                if (random.nextBoolean()) {
                    lone.append("y");
                }
                yield lone.toString();
            }
            default -> {
                StringBuilder mixed = new StringBuilder();
                for (int i = random.nextInt(6); i > 0; i--) {
                    mixed.append(PIECES[random.nextInt(PIECES.length)]);
                }
                yield mixed.toString();
            }
        };
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}
