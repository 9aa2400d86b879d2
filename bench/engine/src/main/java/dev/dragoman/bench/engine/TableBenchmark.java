package dev.dragoman.bench.engine;

import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.model.IdentifierTable;
import dev.dragoman.rules.model.IdentifierTable.Column;
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
 * Identifier lookups in a large table, loaded from CSV the way the gateway loads it: find the
 * row of a web-support value, read game-dept's value in that row. Keys are drawn in a
 * pre-generated random order over the whole table (so most probes miss the CPU caches, as
 * they would with real traffic), about 10% of them absent from the table. The key strings
 * are reused, so their hash codes are cached: this measures the probe, not hashing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TableBenchmark {

    private static final int KEYS = 1 << 16;

    @Param("1000000")
    public int rows;

    private Column codeFrom;
    private Column codeTo;
    private Column nameFrom;
    private Column nameTo;
    private String[] codes;
    private String[] names;
    private int next;

    @Setup
    public void setUp() throws IOException {
        Path dir = Files.createTempDirectory("dragoman-bench-table");
        IdentifierTable table;
        try {
            table = ContextMaps.load(GameMaps.write(dir, rows, false)).orElseThrow().concepts().get("game").table();
        } finally {
            GameMaps.delete(dir);
        }
        codeFrom = table.column(GameMaps.FROM, "code").orElseThrow();
        codeTo = table.column(GameMaps.TO, "code").orElseThrow();
        nameFrom = table.column(GameMaps.FROM, "name").orElseThrow();
        nameTo = table.column(GameMaps.TO, "name").orElseThrow();
        Random random = new Random(42);
        codes = new String[KEYS];
        names = new String[KEYS];
        int missing = 0;
        for (int i = 0; i < KEYS; i++) {
            boolean absent = random.nextInt(10) == 0;
            int game = absent ? rows + 1 + random.nextInt(rows) : 1 + random.nextInt(rows);
            codes[i] = GameMaps.webSupportCode(game);
            names[i] = GameMaps.webSupportName(game);
            missing += absent ? 1 : 0;
        }
        int found = 0;
        for (String code : codes) {
            found += codeTo.textAt(codeFrom.find(code)) == null ? 0 : 1;
        }
        if (found != KEYS - missing || missing < KEYS / 20) {
            throw new IllegalStateException("expected " + (KEYS - missing) + " of " + KEYS + " keys in the table, found " + found);
        }
    }

    /** One numeric code: web-support's code to game-dept's. */
    @Benchmark
    public String code() {
        String key = codes[next++ & (KEYS - 1)];
        return codeTo.textAt(codeFrom.find(key));
    }

    /** One name (a longer string to compare): web-support's name to game-dept's. */
    @Benchmark
    public String name() {
        String key = names[next++ & (KEYS - 1)];
        return nameTo.textAt(nameFrom.find(key));
    }
}
