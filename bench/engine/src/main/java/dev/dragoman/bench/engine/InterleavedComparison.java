package dev.dragoman.bench.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Before and after on a busy machine: {@link BodyTranslationBenchmark}'s {@code parseOnly},
 * {@code tree} and {@code dragoman}, and the {@code dragoman} of a baseline build of the same
 * benchmark jar (loaded in its own class loader, so both engines run in one JVM), each for a
 * short slot in turn, over and over. Every ratio is taken within one rotation (a second or
 * so), so a neighbour's build that slows the machine for a minute slows all four alike,
 * where JMH's runs of one benchmark after another are minutes apart. Each approach is warmed
 * up first; the setup of each instance checks its result as the JMH benchmark does.
 *
 * <p>{@code java -cp benchmarks.jar dev.dragoman.bench.engine.InterleavedComparison
 * --baseline baseline-benchmarks.jar [--rotations 40] [--slot-ms 200] [--warmup-s 4]
 * [--sizes 1kb,100kb,sparse] [--json out.json]}
 */
public final class InterleavedComparison {

    private static final String[] APPROACHES = {"parseOnly", "tree", "dragoman", "baseline"};

    private InterleavedComparison() {
    }

    public static void main(String[] args) throws Throwable {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path baseline = Path.of(options.getOrDefault("--baseline", "bench/engine/target/baseline-benchmarks.jar"));
        int rotations = Integer.parseInt(options.getOrDefault("--rotations", "40"));
        long slot = Long.parseLong(options.getOrDefault("--slot-ms", "200")) * 1_000_000L;
        long warmup = Long.parseLong(options.getOrDefault("--warmup-s", "4")) * 1_000_000_000L;
        List<String> sizes = List.of(options.getOrDefault("--sizes", "1kb,100kb,sparse").split(","));
        Blackhole blackhole = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        StringBuilder json = new StringBuilder("{");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {baseline.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String size : sizes) {
                MethodHandle[] ops = {
                    bound(BodyTranslationBenchmark.class, size, "parseOnly", blackhole),
                    bound(BodyTranslationBenchmark.class, size, "tree", null),
                    bound(BodyTranslationBenchmark.class, size, "dragoman", null),
                    bound(loader.loadClass(BodyTranslationBenchmark.class.getName()), size, "dragoman", null)};
                for (MethodHandle op : ops) {
                    run(op, warmup, blackhole);
                }
                double[][] rates = new double[APPROACHES.length][rotations];
                for (int r = 0; r < rotations; r++) {
                    for (int k = 0; k < ops.length; k++) {
                        // a different approach goes first in each rotation
                        int a = (k + r) % ops.length;
                        rates[a][r] = run(ops[a], slot, blackhole);
                    }
                }
                json.append(json.length() > 1 ? "," : "").append('"').append(size).append("\":{");
                System.out.printf(Locale.ROOT, "%n%s: %d rotations of %d ms slots, ops/s median (min-max); ratios per rotation%n",
                        size, rotations, slot / 1_000_000);
                for (int a = 0; a < APPROACHES.length; a++) {
                    System.out.printf(Locale.ROOT, "  %-10s %10.0f (%.0f-%.0f)%n", APPROACHES[a], median(rates[a]), min(rates[a]), max(rates[a]));
                    json.append(a == 0 ? "" : ",").append('"').append(APPROACHES[a]).append("\":").append(median(rates[a]));
                }
                String[][] pairs = {{"dragoman", "parseOnly"}, {"dragoman", "tree"}, {"baseline", "parseOnly"}, {"baseline", "tree"},
                    {"dragoman", "baseline"}};
                for (String[] pair : pairs) {
                    double[] ratio = ratio(rates, index(pair[0]), index(pair[1]));
                    System.out.printf(Locale.ROOT, "  %-9s / %-9s %.2fx (%.2f-%.2f)%n", pair[0], pair[1], median(ratio), min(ratio), max(ratio));
                    json.append(",\"").append(pair[0]).append('/').append(pair[1]).append("\":[").append(min(ratio)).append(',')
                            .append(median(ratio)).append(',').append(max(ratio)).append(']');
                }
                json.append('}');
            }
        }
        json.append('}');
        if (options.containsKey("--json")) {
            Files.writeString(Path.of(options.get("--json")), json);
        }
    }

    /** The benchmark method of a set-up instance of {@code type} (whose setup checks the results), ready to call. */
    private static MethodHandle bound(Class<?> type, String size, String method, Blackhole blackhole) throws Throwable {
        Object instance = type.getConstructor().newInstance();
        type.getField("size").set(instance, size);
        type.getMethod("setUp").invoke(instance);
        MethodHandle handle = blackhole == null
                ? MethodHandles.publicLookup().findVirtual(type, method, MethodType.methodType(type.getMethod(method).getReturnType()))
                : MethodHandles.publicLookup().findVirtual(type, method, MethodType.methodType(void.class, Blackhole.class));
        handle = handle.bindTo(instance);
        if (blackhole != null) {
            handle = MethodHandles.insertArguments(handle, 0, blackhole);
        }
        return handle.asType(MethodType.methodType(Object.class));
    }

    /** Calls {@code op} for {@code nanos}; operations per second. */
    private static double run(MethodHandle op, long nanos, Blackhole blackhole) throws Throwable {
        long start = System.nanoTime();
        long now;
        long count = 0;
        do {
            blackhole.consume(op.invokeExact());
            count++;
            now = System.nanoTime();
        } while (now - start < nanos);
        return count * 1e9 / (now - start);
    }

    private static int index(String approach) {
        return Arrays.asList(APPROACHES).indexOf(approach);
    }

    private static double[] ratio(double[][] rates, int a, int b) {
        double[] out = new double[rates[a].length];
        for (int r = 0; r < out.length; r++) {
            out[r] = rates[a][r] / rates[b][r];
        }
        return out;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
