package dev.dragoman.bench.kit;

import dev.dragoman.kit.autoconfigure.DragomanKitProperties;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How late the kit's deadline watchdog, with its default settings, rolls a step back: per round,
 * {@code --steps} completed saga steps whose deadlines are spread evenly over {@code --spread}
 * seconds (starting {@code --lead} seconds ahead) are put in {@code dragoman_saga_step} exactly as
 * the kit writes a completed participant step (status {@code COMPLETED}, role {@code PARTICIPANT},
 * the step's data, no {@code compensated_at}), and the watchdog rolls each back through the step's
 * compensation; lateness is when that compensation ran minus the step's deadline. The baseline
 * rounds do the same with {@code --baseline-steps} steps, so few that each pass has almost
 * nothing to do (spread over {@code --baseline-spread} seconds): their lateness is the watchdog's
 * interval alone. Rounds alternate, baseline first, after a warm-up round of {@code --warmup-steps}
 * over 5 s (not reported), so that the first measured round is not the JIT's.
 *
 * <pre>
 * WatchdogLateness [--steps 10000] [--baseline-steps 100] [--spread 25] [--baseline-spread 10]
 *                  [--lead 4] [--rounds 2] [--warmup-steps 2000]
 *                  [--database h2|postgresql] [--json file]
 * </pre>
 * The kit's clock-skew allowance, when this kit has one, is set to zero
 * ({@code dragoman.kit.clock-skew-allowance=PT0S}); the JSON says whether it existed.
 */
public final class WatchdogLateness {

    /** @param perSecond steps rolled back per second, from the first deadline to the last compensation */
    record Round(int round, int steps, int spread, double[] lateMs, double[] recordedLateMs, double perSecond) {
    }

    private WatchdogLateness() {
    }

    public static void main(String[] args) throws Exception {
        int steps = 10_000;
        int baselineSteps = 100;
        int spread = 25;
        int baselineSpread = 10;
        int lead = 4;
        int rounds = 2;
        int warmupSteps = 2_000;
        String database = "h2";
        String json = null;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--steps" -> steps = Integer.parseInt(args[i + 1]);
                case "--baseline-steps" -> baselineSteps = Integer.parseInt(args[i + 1]);
                case "--spread" -> spread = Integer.parseInt(args[i + 1]);
                case "--baseline-spread" -> baselineSpread = Integer.parseInt(args[i + 1]);
                case "--lead" -> lead = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--warmup-steps" -> warmupSteps = Integer.parseInt(args[i + 1]);
                case "--database" -> database = args[i + 1];
                case "--json" -> json = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (BenchDatabase db = BenchDatabase.open(database, "watchdog")) {
            ConfigurableApplicationContext context = BenchService.start(db.url(), db.user(), "http://127.0.0.1:9",
                    "dragoman.kit.clock-skew-allowance=PT0S");
            try {
                DragomanKitProperties properties = context.getBean(DragomanKitProperties.class);
                String skew = clockSkewAllowance(properties);
                List<Round> results = new ArrayList<>();
                Round warmup = round(context, 0, warmupSteps, 5, lead);
                System.err.printf(Locale.ROOT, "warm-up, %,d steps over 5 s: lateness p50 %.0f ms, p99 %.0f ms%n", warmupSteps,
                        percentile(warmup.lateMs(), 50), percentile(warmup.lateMs(), 99));
                for (int round = 1; round <= rounds; round++) {
                    for (int[] kind : new int[][] {{baselineSteps, baselineSpread}, {steps, spread}}) {
                        int n = kind[0];
                        Round result = round(context, round, n, kind[1], lead);
                        results.add(result);
                        System.err.printf(Locale.ROOT, "round %d, %,d steps over %d s: lateness p50 %.0f ms, p99 %.0f ms, max %.0f ms;"
                                        + " %,.0f rolled back/s%n", round, n, kind[1], percentile(result.lateMs(), 50),
                                percentile(result.lateMs(), 99), percentile(result.lateMs(), 100), result.perSecond());
                    }
                }
                write(json, database, steps, baselineSteps, spread, baselineSpread, lead, properties, skew, results);
            } finally {
                context.close();
            }
        }
    }

    private static Round round(ConfigurableApplicationContext context, int round, int steps, int spread, int lead) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        JdbcTemplate template = context.getBean(JdbcTemplate.class);
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        BenchService.Compensations compensations = context.getBean(BenchService.Compensations.class);
        jdbc.sql("TRUNCATE TABLE dragoman_saga_step").update();
        jdbc.sql("TRUNCATE TABLE ledger").update();
        compensations.forget();

        Instant now = Instant.now();
        Instant first = now.plusSeconds(lead);
        long stepNanos = Duration.ofSeconds(spread).toNanos() / steps;
        Map<String, Instant> deadlines = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            String sagaId = "saga-" + round + "-" + steps + "-" + i;
            // Microseconds, as the kit stores a copy's deadline.
            Instant deadline = first.plusNanos(stepNanos * i).truncatedTo(ChronoUnit.MICROS);
            deadlines.put(sagaId, deadline);
            rows.add(new Object[] {sagaId, BenchService.STEP, "PARTICIPANT", "COMPLETED", utc(deadline), "{\"amount\":10000}", null,
                    utc(now)});
        }
        tx.executeWithoutResult(status -> template.batchUpdate("INSERT INTO dragoman_saga_step"
                + " (saga_id, step, role, status, deadline, data, compensated_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows,
                new int[] {java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
                    java.sql.Types.TIMESTAMP_WITH_TIMEZONE, java.sql.Types.VARCHAR, java.sql.Types.TIMESTAMP_WITH_TIMEZONE,
                    java.sql.Types.TIMESTAMP_WITH_TIMEZONE}));
        if (Instant.now().isAfter(first)) {
            throw new IllegalStateException("inserting " + steps + " steps took longer than the lead of " + lead + " s; raise --lead");
        }

        RelayThroughput.await("the watchdog rolling back " + steps + " steps within 2 minutes of the last deadline",
                Duration.ofSeconds(lead + spread + 120L), Duration.ofMillis(250),
                () -> jdbc.sql("SELECT COUNT(*) FROM dragoman_saga_step WHERE status = 'COMPLETED'").query(Long.class).single() == 0);
        Map<String, Instant> ranAt = compensations.ranAt();
        long refunds = jdbc.sql("SELECT COUNT(*) FROM ledger WHERE amount = -10000").query(Long.class).single();
        if (ranAt.size() != steps || refunds != steps) {
            throw new IllegalStateException(steps + " steps, " + ranAt.size() + " compensations noted, " + refunds + " refund rows");
        }
        double[] late = new double[steps];
        int i = 0;
        Instant lastRan = Instant.MIN;
        for (Map.Entry<String, Instant> ran : ranAt.entrySet()) {
            late[i++] = Duration.between(deadlines.get(ran.getKey()), ran.getValue()).toNanos() / 1e6;
            lastRan = ran.getValue().isAfter(lastRan) ? ran.getValue() : lastRan;
        }
        double perSecond = steps / (Duration.between(first, lastRan).toNanos() / 1e9);
        double[] recorded = jdbc.sql("SELECT deadline, compensated_at FROM dragoman_saga_step")
                .query((rs, n) -> Duration.between(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class))
                        .toNanos() / 1e6)
                .list().stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(late);
        Arrays.sort(recorded);
        return new Round(round, steps, spread, late, recorded, perSecond);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The kit's clock-skew allowance, read from its settings, or {@code null} when this kit has none yet. */
    private static String clockSkewAllowance(Object properties) {
        for (RecordComponent component : properties.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(properties);
                if (component.getName().toLowerCase(Locale.ROOT).contains("skew")) {
                    return String.valueOf(value);
                }
                if (value != null && value.getClass().isRecord() && value.getClass().getName().startsWith("dev.dragoman.")) {
                    String nested = clockSkewAllowance(value);
                    if (nested != null) {
                        return nested;
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    /** Nearest rank over sorted values; 100 is the maximum. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String stats(double[] sorted) {
        return String.format(Locale.ROOT, "{\"min\":%.1f,\"p50\":%.1f,\"p90\":%.1f,\"p99\":%.1f,\"max\":%.1f}", sorted[0],
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), percentile(sorted, 100));
    }

    private static void write(String json, String database, int steps, int baselineSteps, int spread, int baselineSpread, int lead,
            DragomanKitProperties properties, String skew, List<Round> results) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "{\"database\":\"%s\",\"steps\":%d,\"baseline_steps\":%d,\"spread_s\":%d,"
                        + "\"baseline_spread_s\":%d,\"lead_s\":%d,\"interval\":\"%s\",\"batch_size\":%d,\"clock_skew_allowance\":%s,"
                        + "\"rounds\":[", database, steps, baselineSteps, spread, baselineSpread, lead, properties.watchdog().interval(),
                properties.watchdog().batchSize(), skew == null ? "null" : "\"" + skew + "\""));
        for (int i = 0; i < results.size(); i++) {
            Round r = results.get(i);
            out.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"round\":%d,\"steps\":%d,\"spread_s\":%d,\"late_ms\":%s,"
                    + "\"recorded_late_ms\":%s,\"per_s\":%.1f}", r.round(), r.steps(), r.spread(), stats(r.lateMs()),
                    stats(r.recordedLateMs()), r.perSecond()));
        }
        out.append("]}\n");
        if (json == null) {
            System.out.print(out);
        } else {
            Files.writeString(Path.of(json), out);
        }
    }
}
