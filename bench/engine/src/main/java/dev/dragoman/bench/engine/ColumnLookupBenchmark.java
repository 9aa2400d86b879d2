package dev.dragoman.bench.engine;

import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.model.IdentifierTable;
import dev.dragoman.rules.model.IdentifierTable.Column;
import dev.dragoman.rules.model.Scalar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Each of a column's lookups on its own, in the same million-row table as {@link TableBenchmark}
 * (keys in random order over the whole table, about 10% absent): {@code find(String)}, the
 * engine's {@code find(char[], int, int)} on a key inside a larger buffer, and {@code scalarAt}
 * of a row found beforehand. Uses only methods that every version of {@code Column} has, so
 * the same source measures an older engine jar against a newer one in one session.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ColumnLookupBenchmark {

    private static final int KEYS = 1 << 16;

    @Param("1000000")
    public int rows;

    /** {@code code}: numbers {@code 1}..; {@code name}: strings {@code ws_game_1}.. */
    @Param({"code", "name"})
    public String column;

    private Column from;
    private Column to;
    private String[] keys;
    private char[] buffer;
    private int[] offsets;
    private int[] lengths;
    private int[] found;
    private int next;

    @Setup
    public void setUp() throws IOException {
        Path dir = Files.createTempDirectory("dragoman-bench-column");
        IdentifierTable table;
        try {
            table = ContextMaps.load(GameMaps.write(dir, rows, false)).orElseThrow().concepts().get("game").table();
        } finally {
            GameMaps.delete(dir);
        }
        from = table.column(GameMaps.FROM, column).orElseThrow();
        to = table.column(GameMaps.TO, column).orElseThrow();
        Random random = new Random(42);
        keys = new String[KEYS];
        offsets = new int[KEYS];
        lengths = new int[KEYS];
        found = new int[KEYS];
        StringBuilder chars = new StringBuilder();
        int missing = 0;
        for (int i = 0; i < KEYS; i++) {
            boolean absent = random.nextInt(10) == 0;
            int game = absent ? rows + 1 + random.nextInt(rows) : 1 + random.nextInt(rows);
            keys[i] = column.equals("code") ? GameMaps.webSupportCode(game) : GameMaps.webSupportName(game);
            chars.append("\"x\":\"");
            offsets[i] = chars.length();
            lengths[i] = keys[i].length();
            chars.append(keys[i]).append("\",");
            found[i] = from.find(keys[i]);
            missing += absent ? 1 : 0;
            String expected = absent ? null : column.equals("code") ? GameMaps.gameDeptCode(game) : GameMaps.gameDeptName(game);
            Scalar value = to.scalarAt(found[i]);
            if (absent ? value != null : value == null || !value.text().equals(expected)) {
                throw new IllegalStateException("key " + keys[i] + " gives " + value + ", expected " + expected);
            }
        }
        buffer = chars.toString().toCharArray();
        for (int i = 0; i < KEYS; i++) {
            if (from.find(buffer, offsets[i], lengths[i]) != found[i]) {
                throw new IllegalStateException("find(char[]) of " + keys[i] + " differs from find(String)");
            }
        }
        if (missing < KEYS / 20) {
            throw new IllegalStateException("too few absent keys: " + missing);
        }
    }

    @Benchmark
    public int findString() {
        return from.find(keys[next++ & (KEYS - 1)]);
    }

    @Benchmark
    public int findChars() {
        int i = next++ & (KEYS - 1);
        return from.find(buffer, offsets[i], lengths[i]);
    }

    @Benchmark
    public Scalar scalarAt() {
        return to.scalarAt(found[next++ & (KEYS - 1)]);
    }
}
