package dev.dragoman.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The wire between the nodes: every hop may be lost, arrive twice, or take its time (so that
 * copies overtake each other), and nothing crosses a partition. An HTTP exchange is two hops: the
 * sender settles on the first answer, or on its timeout when no answer comes in time (an answer
 * after that is dropped, as an HTTP client does).
 */
final class Network {

    /** What the sender learnt: an HTTP status, or 0 when no answer came within the timeout. */
    record Answer(int status, String detail) {
        static final Answer NONE = new Answer(0, "no answer");

        boolean success() {
            return status >= 200 && status < 300;
        }
    }

    private final World world;
    private final Faults faults;
    private final Duration timeout;

    Network(World world, Faults faults, Duration timeout) {
        this.world = world;
        this.faults = faults;
        this.timeout = timeout;
    }

    void exchange(Node from, Node to, String what, Supplier<Answer> handle, Consumer<Answer> answered) {
        int epoch = from.epoch();
        boolean[] settled = {false};
        Consumer<Answer> settle = answer -> {
            if (!settled[0] && from.up() && from.epoch() == epoch) {
                settled[0] = true;
                answered.accept(answer);
            }
        };
        hop(from, to, what, () -> {
            if (!to.up()) {
                world.log(to.name, "down: " + what + " from " + from.name + " lost");
                return;
            }
            Answer answer = handle.get();
            hop(to, from, "answer " + answer.status() + " to " + what, () -> settle.accept(answer));
        });
        world.after(timeout, () -> settle.accept(Answer.NONE));
    }

    private void hop(Node from, Node to, String what, Runnable arrive) {
        if (cut(from, to, world.now())) {
            world.log(from.name, "-> " + to.name + " " + what + ": lost in a partition");
            return;
        }
        if (world.chance(faults.drop())) {
            world.log(from.name, "-> " + to.name + " " + what + ": lost");
            return;
        }
        int copies = world.chance(faults.duplicate()) ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            Duration delay = world.between(faults.minDelay(), faults.maxDelay());
            String copy = copies == 2 ? " (copy " + (i + 1) + " of a duplicate)" : "";
            world.after(delay, () -> {
                if (cut(from, to, world.now())) {
                    world.log(to.name, "<- " + from.name + " " + what + copy + ": lost in a partition on its way");
                    return;
                }
                arrive.run();
            });
        }
    }

    private boolean cut(Node from, Node to, Instant at) {
        Duration since = Duration.between(World.START, at);
        return faults.partitions().stream().anyMatch(w -> (w.node().equals(from.name) || w.node().equals(to.name))
                && since.compareTo(w.from()) >= 0 && since.compareTo(w.until()) < 0);
    }
}
