package dev.dragoman.simulation;

import java.time.Duration;
import java.util.List;

/**
 * What can go wrong in one run, drawn from its seed.
 *
 * @param drop         the chance that one hop (a request or an answer) is lost
 * @param duplicate    the chance that a hop arrives twice
 * @param minDelay     the shortest hop; each hop takes a random time in between, so copies overtake each other
 * @param maxDelay     the longest hop
 * @param partitions   windows in which a node hears nothing and is heard by no one; all heal
 * @param restarts     crashes, each followed by a restart
 * @param skewWithin   whether every two clocks are within the allowance (the liveness promise needs it; safety does not)
 * @param maxOffset    each node's clock is off real time by up to this, either way
 * @param failRate     the chance that a participant's step fails
 */
record Faults(double drop, double duplicate, Duration minDelay, Duration maxDelay, List<Window> partitions, List<Window> restarts,
        boolean skewWithin, Duration maxOffset, double failRate) {

    /** A node cut off, or down, from {@code from} for {@code length} (after the run's start). */
    record Window(String node, Duration from, Duration length) {
        Duration until() {
            return from.plus(length);
        }
    }

    /** A run with everything: faults in proportions from the seed, all healing well within the outcome window. */
    static Faults random(World world, List<String> nodes, Duration allowance, Duration deadline, boolean skewBeyond) {
        double drop = world.chance(0.25) ? 0 : world.random.nextDouble() * 0.3;
        double duplicate = world.chance(0.3) ? 0 : world.random.nextDouble() * 0.2;
        Duration maxDelay = Duration.ofMillis(List.of(20L, 200L, 800L, 1500L).get(world.random.nextInt(4)));
        List<Window> partitions = windows(world, nodes, world.random.nextInt(4), deadline, Duration.ofSeconds(8));
        List<Window> restarts = windows(world, nodes, world.random.nextInt(3), deadline, Duration.ofSeconds(5));
        // Mostly within the allowance (each clock within half of it, so any two within it); now and then far beyond it.
        boolean within = !world.chance(0.2) && !skewBeyond;
        Duration maxOffset = within ? allowance.dividedBy(2) : allowance.multipliedBy(3);
        return new Faults(drop, duplicate, Duration.ofMillis(1), maxDelay, partitions, restarts, within, maxOffset,
                world.chance(0.3) ? 0.15 : 0);
    }

    /** No loss, no duplicates, no partitions, no restarts, no failing step, clocks within the allowance, a fast network. */
    static Faults none(Duration allowance) {
        return new Faults(0, 0, Duration.ofMillis(1), Duration.ofMillis(50), List.of(), List.of(), true, allowance.dividedBy(2), 0);
    }

    private static List<Window> windows(World world, List<String> nodes, int count, Duration deadline, Duration longest) {
        List<Window> windows = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String node = nodes.get(world.random.nextInt(nodes.size()));
            Duration from = Duration.ofMillis(world.random.nextLong(deadline.plusSeconds(5).toMillis()));
            windows.add(new Window(node, from, Duration.ofMillis(100 + world.random.nextLong(longest.toMillis()))));
        }
        return windows;
    }
}
