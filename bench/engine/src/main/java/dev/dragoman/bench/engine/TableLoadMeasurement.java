package dev.dragoman.bench.engine;

import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.model.ContextModel;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * How long loading a directory with a million-row CSV takes, and how much heap the loaded
 * table keeps per row. A one-shot cost (startup, reload), so a plain main rather than JMH:
 * the first load is the cold one a starting gateway pays; later ones are warmer.
 *
 * <p>Arguments: {@code [--rows N] [--runs N] [--json FILE]}. Prints a Markdown table to
 * standard output; with {@code --json}, also writes the numbers for the report.
 */
public final class TableLoadMeasurement {

    private TableLoadMeasurement() {
    }

    public static void main(String[] args) throws IOException {
        int rows = 1_000_000;
        int runs = 5;
        Path json = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--json" -> json = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; use [--rows N] [--runs N] [--json FILE]");
            }
        }
        Path dir = Files.createTempDirectory("dragoman-table-load");
        try {
            GameMaps.write(dir, rows, false);
            long csvBytes = Files.size(dir.resolve("games.csv"));
            double[] seconds = new double[runs];
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                ContextModel model = ContextMaps.load(dir).orElseThrow();
                seconds[run] = (System.nanoTime() - start) / 1e9;
                check(model, rows);
                System.err.printf(Locale.ROOT, "load %d of %d: %.3f s%n", run + 1, runs, seconds[run]);
            }
            long before = usedAfterGc();
            ContextModel held = ContextMaps.load(dir).orElseThrow();
            long after = usedAfterGc();
            check(held, rows);
            Reference.reachabilityFence(held);
            double perRow = (double) (after - before) / rows;

            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            double min = sorted[0];
            double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
            double max = sorted[runs - 1];
            System.out.println("| rows | CSV | loads | min (s) | median (s) | max (s) | first (s) | heap per row (B) |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
            System.out.printf(Locale.ROOT, "| %,d | %.1f MB | %d | %.2f | %.2f | %.2f | %.2f | %.0f |%n",
                    rows, csvBytes / 1e6, runs, min, median, max, seconds[0], perRow);
            if (json != null) {
                Files.createDirectories(json.toAbsolutePath().getParent());
                Files.writeString(json, String.format(Locale.ROOT,
                        "{\"rows\":%d,\"csvBytes\":%d,\"runs\":%d,\"seconds\":%s,\"min\":%.4f,\"median\":%.4f,\"max\":%.4f,"
                                + "\"heapBytes\":%d,\"heapPerRow\":%.1f,\"maxHeap\":%d}%n",
                        rows, csvBytes, runs, Arrays.toString(seconds), min, median, max, after - before, perRow,
                        Runtime.getRuntime().maxMemory()), StandardCharsets.UTF_8);
            }
        } finally {
            GameMaps.delete(dir);
        }
    }

    private static void check(ContextModel model, int rows) {
        var table = model.concepts().get("game").table();
        if (table.size() != rows) {
            throw new IllegalStateException("loaded " + table.size() + " rows, expected " + rows);
        }
        String translated = table.translate(GameMaps.FROM, "code", GameMaps.webSupportCode(rows), GameMaps.TO, "code")
                .orElseThrow().text();
        if (!translated.equals(GameMaps.gameDeptCode(rows))) {
            throw new IllegalStateException("the last row translates to " + translated);
        }
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
