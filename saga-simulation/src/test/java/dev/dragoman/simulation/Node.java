package dev.dragoman.simulation;

import java.time.Duration;
import java.time.Instant;

/**
 * A process: its own clock (real time plus an offset), up or down. A crash ends everything in
 * flight (timers, attempts, answers on their way to it); what the subclass keeps in fields is its
 * database and survives, and {@link #restarted()} picks its work up again.
 */
abstract class Node {

    final World world;
    final String name;
    final Duration offset;
    private boolean up = true;
    private int epoch;

    Node(World world, String name, Duration offset) {
        this.world = world;
        this.name = name;
        this.offset = offset;
    }

    /** What this process's clock reads now. */
    Instant clock() {
        return world.now().plus(offset);
    }

    boolean up() {
        return up;
    }

    int epoch() {
        return epoch;
    }

    /** Runs the action when this process's clock reads {@code ownTime}, if the process has not crashed in between. */
    void at(Instant ownTime, Runnable action) {
        int scheduledIn = epoch;
        world.at(ownTime.minus(offset), () -> {
            if (up && epoch == scheduledIn) {
                action.run();
            }
        });
    }

    void crash() {
        up = false;
        epoch++;
        world.log(name, "crashed: everything in flight is lost, the database stays");
    }

    void restart() {
        up = true;
        world.log(name, "restarted");
        restarted();
    }

    abstract void restarted();

    void log(String what) {
        world.log(name, what);
    }
}
