package dev.dragoman.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Virtual time, the run's one random source and its trace. Events run in time order, ties in the
 * order they were scheduled, so a seed gives one run and only one.
 */
final class World {

    static final Instant START = Instant.parse("2026-12-01T13:00:00Z");

    private record Scheduled(Instant at, long sequence, Runnable action) {
    }

    final SplittableRandom random;
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>((a, b) -> {
        int byTime = a.at().compareTo(b.at());
        return byTime != 0 ? byTime : Long.compare(a.sequence(), b.sequence());
    });
    private final List<String> trace = new ArrayList<>();
    private long sequence;
    private Instant now = START;
    private long events;

    World(long seed) {
        this.random = new SplittableRandom(seed);
    }

    Instant now() {
        return now;
    }

    /** Runs the action at that real instant, or now if that has passed. */
    void at(Instant when, Runnable action) {
        queue.add(new Scheduled(when.isBefore(now) ? now : when, sequence++, action));
    }

    void after(Duration delay, Runnable action) {
        at(now.plus(delay), action);
    }

    /** @return whether the queue ran dry within that many events (otherwise something loops) */
    boolean runUntilQuiet(long maxEvents) {
        while (!queue.isEmpty()) {
            if (++events > maxEvents) {
                return false;
            }
            Scheduled next = queue.poll();
            now = next.at();
            next.action().run();
        }
        return true;
    }

    long events() {
        return events;
    }

    Duration between(Duration min, Duration max) {
        long span = max.toMillis() - min.toMillis();
        return min.plusMillis(span <= 0 ? 0 : random.nextLong(span + 1));
    }

    boolean chance(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }

    void log(String who, String what) {
        long millis = Duration.between(START, now).toMillis();
        trace.add(millis / 1000 + "." + String.format("%03d", millis % 1000) + "s " + who + ": " + what);
    }

    List<String> trace() {
        return trace;
    }
}
