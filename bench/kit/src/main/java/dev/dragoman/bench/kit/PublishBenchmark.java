package dev.dragoman.bench.kit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What {@code publisher.publish(type, data, deadline)} adds to a service transaction: one
 * transaction through the service's {@code @Transactional} bean that inserts a ledger row
 * ({@link #transactionAlone}, the baseline) against the same transaction that also publishes
 * an event whose data is about 45 bytes of JSON ({@link #transactionWithPublish}). The kit runs by its
 * auto-configuration on a real database, H2 in memory or PostgreSQL on loopback.
 *
 * <p>The relay's pass loop is stopped (through its {@code Lifecycle}), so the numbers are the
 * publishing transaction alone: with it running, the relay would send every event on the other
 * core and take turns on the database, which {@link RelayThroughput} measures on its own. Both
 * tables are emptied after every iteration, so an iteration always starts from the same size.
 *
 * <p>{@link #paired} is what {@code bench/kit/run.sh} runs: on 2 cores shared with other builds, two
 * benchmarks run one after the other meet different neighbours, and their ratio is mostly the
 * neighbours'. {@code paired} runs both transactions in turn, one of each per invocation (the
 * order swapping each time), and times each with {@code System.nanoTime}; its counters
 * ({@link Split}) give, per iteration, the time of each kind, so their ratio is taken over the
 * same seconds. {@link #transactionAlone} and {@link #transactionWithPublish} are the same two
 * transactions as JMH benchmarks of their own, for a quiet machine.
 */
@State(Scope.Benchmark)
// Each transaction's own time, sampled: its median is what one costs when the neighbours let it run; a mean would
// also count every time the 2 shared cores were taken away in the middle of one.
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PublishBenchmark {

    @Param({"h2", "postgresql"})
    public String database;

    private BenchDatabase db;
    private ConfigurableApplicationContext context;
    private BenchService.Ledger ledger;
    private JdbcClient jdbc;
    private Instant deadline;
    private long n;

    @Setup(Level.Trial)
    public void start() {
        db = BenchDatabase.open(database, "publish");
        // Nothing listens on port 9 (discard); the relay is stopped before anything is published anyway.
        context = BenchService.start(db.url(), db.user(), "http://127.0.0.1:9");
        context.getBean("dragomanRelayLoop", Lifecycle.class).stop();
        ledger = context.getBean(BenchService.Ledger.class);
        jdbc = context.getBean(JdbcClient.class);
        deadline = Instant.now().plus(Duration.ofHours(1));
    }

    @TearDown(Level.Iteration)
    public void empty() {
        jdbc.sql("TRUNCATE TABLE dragoman_outbox").update();
        jdbc.sql("TRUNCATE TABLE ledger").update();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        context.close();
        db.close();
    }

    /** Nanoseconds spent in each kind of transaction during one iteration of {@link #paired}. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Split {
        public long aloneNanos;
        public long withPublishNanos;
        public long pairs;

        @Setup(Level.Iteration)
        public void reset() {
            aloneNanos = 0;
            withPublishNanos = 0;
            pairs = 0;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void paired(Split split) {
        if ((split.pairs & 1) == 0) {
            long start = System.nanoTime();
            ledger.record("order-" + n++, 10_000);
            long between = System.nanoTime();
            ledger.recordAndPublish("order-" + n++, 10_000, deadline);
            long end = System.nanoTime();
            split.aloneNanos += between - start;
            split.withPublishNanos += end - between;
        } else {
            long start = System.nanoTime();
            ledger.recordAndPublish("order-" + n++, 10_000, deadline);
            long between = System.nanoTime();
            ledger.record("order-" + n++, 10_000);
            long end = System.nanoTime();
            split.withPublishNanos += between - start;
            split.aloneNanos += end - between;
        }
        split.pairs++;
    }

    @Benchmark
    public void transactionAlone() {
        ledger.record("order-" + n++, 10_000);
    }

    @Benchmark
    public String transactionWithPublish() {
        return ledger.recordAndPublish("order-" + n++, 10_000, deadline);
    }
}
