package dev.dragoman.bench.engine;

import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.model.IdentifierTable;
import dev.dragoman.rules.model.IdentifierTable.Column;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToLongBiFunction;

/**
 * Two versions of the engine's table in one JVM, measured in alternation: on a machine whose
 * load changes from second to second, a ratio of two runs minutes apart is mostly the
 * neighbours; a ratio of two bursts a few milliseconds apart is far less so. Each version's
 * {@code translation-rules} jar is loaded child-first in its own class loader with a
 * {@link Driver} of its own, both over the same million-row table; every round times each
 * lookup ({@code find(String)}, {@code find(char[], int, int)}, {@code scalarAt}, and
 * {@code find} + {@code textAt}) as a burst of a few hundred thousand calls per version, the
 * order of the versions alternating, and the report gives per lookup the new/old ratio of each
 * round, min / median / max.
 *
 * <p>Arguments: {@code OLD.jar NEW.jar [--rounds N] [--rows N] [--calls N]} (the
 * translation-rules jars); run with this benchmarks jar on the class path for the libraries.
 */
public final class TableLookupInterleaved {

    private static final String[] OPS = {"findString", "findChars", "scalarAt", "findTextAt"};

    private TableLookupInterleaved() {
    }

    public static void main(String[] args) throws Exception {
        Path oldJar = Path.of(args[0]);
        Path newJar = Path.of(args[1]);
        int rounds = 30;
        int rows = 1_000_000;
        int calls = 300_000;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--calls" -> calls = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("dragoman-interleaved");
        GameMaps.write(dir, rows, false);
        List<ToLongBiFunction<String, Integer>> drivers = new ArrayList<>();
        try {
            for (Path jar : List.of(oldJar, newJar)) {
                ClassLoader loader = new ChildFirst(new URL[] {jar.toUri().toURL(), codeSource()}, TableLookupInterleaved.class.getClassLoader());
                @SuppressWarnings("unchecked")
                ToLongBiFunction<String, Integer> driver = (ToLongBiFunction<String, Integer>) loader.loadClass(Driver.class.getName())
                        .getConstructor(Path.class, int.class).newInstance(dir, rows);
                drivers.add(driver);
            }
        } finally {
            GameMaps.delete(dir);
        }
        for (String column : new String[] {"code", "name"}) {
            for (String op : OPS) {
                if (drivers.get(0).applyAsLong(column + ":" + op, 20_000) != drivers.get(1).applyAsLong(column + ":" + op, 20_000)) {
                    throw new IllegalStateException(column + " " + op + ": the versions answer differently");
                }
            }
        }
        for (int warm = 0; warm < 5; warm++) {
            for (ToLongBiFunction<String, Integer> driver : drivers) {
                for (String op : OPS) {
                    driver.applyAsLong("code:" + op, calls);
                    driver.applyAsLong("name:" + op, calls);
                }
            }
        }
        System.out.println("| column | lookup | old ns/call (median) | new ns/call (median) | new/old time per round: min / **median** / max |");
        System.out.println("|---|---|---:|---:|---:|");
        double[][][] nanos = new double[2][2 * OPS.length][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < 2; k++) {
                int v = (round + k) % 2;
                for (int c = 0; c < 2; c++) {
                    for (int o = 0; o < OPS.length; o++) {
                        String what = (c == 0 ? "code:" : "name:") + OPS[o];
                        long start = System.nanoTime();
                        drivers.get(v).applyAsLong(what, calls);
                        nanos[v][c * OPS.length + o][round] = (System.nanoTime() - start) / (double) calls;
                    }
                }
            }
        }
        for (int c = 0; c < 2; c++) {
            for (int o = 0; o < OPS.length; o++) {
                int i = c * OPS.length + o;
                double[] ratio = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratio[r] = nanos[1][i][r] / nanos[0][i][r];
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.2f / **%.2f** / %.2f |%n", c == 0 ? "code" : "name", OPS[o],
                        median(nanos[0][i]), median(nanos[1][i]), min(ratio), median(ratio), max(ratio));
            }
        }
    }

    private static URL codeSource() {
        return TableLookupInterleaved.class.getProtectionDomain().getCodeSource().getLocation();
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] xs) {
        return Arrays.stream(xs).min().orElseThrow();
    }

    private static double max(double[] xs) {
        return Arrays.stream(xs).max().orElseThrow();
    }

    /** Loads the engine's classes (and the driver) from its own jar first, everything else from the parent. */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.dragoman.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    /** One version's table and keys; {@code applyAsLong("column:op", calls)} runs a burst and returns a checksum. */
    public static final class Driver implements ToLongBiFunction<String, Integer> {
        private static final int KEYS = 1 << 16;
        private final Column[] from = new Column[2];
        private final Column[] to = new Column[2];
        private final String[][] keys = new String[2][KEYS];
        private final char[][] buffers = new char[2][];
        private final int[][] offsets = new int[2][KEYS];
        private final int[][] lengths = new int[2][KEYS];
        private final int[][] found = new int[2][KEYS];
        private int next;

        public Driver(Path dir, int rows) {
            IdentifierTable table = ContextMaps.load(dir).orElseThrow().concepts().get("game").table();
            Random random = new Random(42);
            for (int c = 0; c < 2; c++) {
                String column = c == 0 ? "code" : "name";
                from[c] = table.column(GameMaps.FROM, column).orElseThrow();
                to[c] = table.column(GameMaps.TO, column).orElseThrow();
                StringBuilder chars = new StringBuilder();
                for (int i = 0; i < KEYS; i++) {
                    boolean absent = random.nextInt(10) == 0;
                    int game = absent ? rows + 1 + random.nextInt(rows) : 1 + random.nextInt(rows);
                    keys[c][i] = c == 0 ? GameMaps.webSupportCode(game) : GameMaps.webSupportName(game);
                    chars.append("\"x\":\"");
                    offsets[c][i] = chars.length();
                    lengths[c][i] = keys[c][i].length();
                    chars.append(keys[c][i]).append("\",");
                    found[c][i] = from[c].find(keys[c][i]);
                }
                buffers[c] = chars.toString().toCharArray();
            }
        }

        @Override
        public long applyAsLong(String what, Integer calls) {
            int c = what.startsWith("code") ? 0 : 1;
            String op = what.substring(5);
            long sum = 0;
            int n = calls;
            switch (op) {
                case "findString" -> {
                    for (int k = 0; k < n; k++) {
                        sum += from[c].find(keys[c][next++ & (KEYS - 1)]);
                    }
                }
                case "findChars" -> {
                    for (int k = 0; k < n; k++) {
                        int i = next++ & (KEYS - 1);
                        sum += from[c].find(buffers[c], offsets[c][i], lengths[c][i]);
                    }
                }
                case "scalarAt" -> {
                    for (int k = 0; k < n; k++) {
                        var value = to[c].scalarAt(found[c][next++ & (KEYS - 1)]);
                        sum += value == null ? 0 : value.text().length();
                    }
                }
                case "findTextAt" -> {
                    for (int k = 0; k < n; k++) {
                        String text = to[c].textAt(from[c].find(keys[c][next++ & (KEYS - 1)]));
                        sum += text == null ? 0 : text.length();
                    }
                }
                default -> throw new IllegalArgumentException(op);
            }
            next = 0;
            return sum;
        }
    }
}
