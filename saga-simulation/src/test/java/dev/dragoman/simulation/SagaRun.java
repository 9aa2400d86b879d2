package dev.dragoman.simulation;

import dev.dragoman.gateway.saga.SagaStatus;
import dev.dragoman.kit.saga.SagaStepStore.Role;
import dev.dragoman.simulation.Faults.Window;
import dev.dragoman.simulation.KitNode.Behaviour;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * One seeded run: one saga, its initiator, one to four participants and the gateway, faults drawn
 * from the seed; run until nothing is left to do, then the invariant. Everything random comes from
 * the one {@link World#random}, so the seed replays the run exactly.
 */
final class SagaRun {

    static final Duration ALLOWANCE = Duration.ofSeconds(2);
    /**
     * Long against the faults (the gateway's default is a day): with 30 % of the hops lost, a minute of retries every 2 s
     * let one copy in about 100,000 runs go unanswered (seed 65250 with a 60 s window), which is the window's limit, not the protocol's.
     */
    static final Duration OUTCOME_WINDOW = Duration.ofMinutes(10);
    /** Longer than most round trips (two hops of up to 1.5 s), not all: an answer after it is lost, and the copy sent again. */
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(2);
    private static final long MAX_EVENTS = 2_000_000;

    /** What a run found. */
    record Result(long seed, Faults faults, Optional<SagaStatus> coordinator, List<String> violations, List<String> trace, long events) {

        boolean failed() {
            return !violations.isEmpty();
        }

        /** The report of a failed run: the seed to replay, what broke, and every message with its virtual time. */
        String report() {
            String verdict = violations.isEmpty() ? "the invariant holds" : String.join("; ", violations);
            return "seed " + seed + " (replay with -Dsim.seed=" + seed + "): " + verdict + "\nfaults: " + faults
                    + "\ntrace:\n" + String.join("\n", trace);
        }
    }

    /** Which faults a run gets, from its world, the node names and its deadline. */
    interface FaultPlan {
        Faults draw(World world, List<String> nodes, Duration deadline);

        FaultPlan ANY = (world, nodes, deadline) -> Faults.random(world, nodes, ALLOWANCE, deadline, false);
        /** Every fault, and clocks always further apart than the allowance: safety must hold all the same. */
        FaultPlan SKEWED = (world, nodes, deadline) -> Faults.random(world, nodes, ALLOWANCE, deadline, true);
        FaultPlan NONE = (world, nodes, deadline) -> Faults.none(ALLOWANCE);
    }

    private SagaRun() {
    }

    static Result run(long seed, FaultPlan plan, BiFunction<String, Integer, Behaviour> behaviours) {
        World world = new World(seed);
        int count = 1 + world.random.nextInt(4);
        List<String> participants = IntStream.rangeClosed(1, count).mapToObj(i -> "p" + i).toList();
        SagaTypes types = new SagaTypes(participants);
        Duration deadline = Duration.ofMillis(2_000 + world.random.nextLong(13_000));
        List<String> names = new ArrayList<>(participants);
        names.add(0, SagaTypes.INITIATOR);
        names.add("gateway");
        Faults faults = plan.draw(world, names, deadline);
        Network network = new Network(world, faults, HTTP_TIMEOUT);

        Coordinator gateway = new Coordinator(world, offset(world, faults), types.saga(deadline), types, OUTCOME_WINDOW, network);
        Map<String, KitNode> departments = new LinkedHashMap<>();
        KitNode initiator = new KitNode(world, SagaTypes.INITIATOR, offset(world, faults), Role.INITIATOR, types.start(),
                100 + world.random.nextInt(900), false, behaviours.apply(SagaTypes.INITIATOR, 0), ALLOWANCE, network, types);
        departments.put(initiator.name, initiator);
        for (int i = 0; i < participants.size(); i++) {
            String name = participants.get(i);
            departments.put(name, new KitNode(world, name, offset(world, faults), Role.PARTICIPANT, types.request(name),
                    1 + world.random.nextInt(10_000), world.chance(faults.failRate()), behaviours.apply(name, i + 1), ALLOWANCE, network, types));
        }
        gateway.connect(departments);
        departments.values().forEach(node -> node.connect(gateway));
        Map<String, Node> nodes = new LinkedHashMap<>(departments);
        nodes.put(gateway.name, gateway);

        world.log("run", "seed " + seed + ", participants " + participants + ", deadline +" + deadline.toMillis() + "ms, offsets "
                + nodes.values().stream().map(n -> n.name + " " + n.offset.toMillis() + "ms").toList() + ", " + faults);
        for (Window restart : faults.restarts()) {
            Node node = nodes.get(restart.node());
            world.at(World.START.plus(restart.from()), node::crash);
            world.at(World.START.plus(restart.until()), node::restart);
        }
        for (Window partition : faults.partitions()) {
            world.at(World.START.plus(partition.from()), () -> world.log(partition.node(), "partitioned for " + partition.length().toMillis() + "ms"));
        }
        Instant start = World.START.plus(Duration.ofMillis(world.random.nextLong(200)));
        world.at(start, () -> {
            if (initiator.up()) {
                initiator.startSaga("saga-" + seed, initiator.clock().plus(deadline));
            } else {
                world.log(initiator.name, "down: places no order");
            }
        });

        boolean quiet = world.runUntilQuiet(MAX_EVENTS);
        List<String> violations = new ArrayList<>();
        if (!quiet) {
            violations.add("no quiescence after " + MAX_EVENTS + " events");
        }
        List<KitNode> steps = participants.stream().map(departments::get).toList();
        violations.addAll(Invariant.check(gateway, initiator, steps));
        if (plan == FaultPlan.NONE) {
            violations.addAll(Invariant.live(gateway, initiator, steps));
        }
        return new Result(seed, faults, Optional.ofNullable(gateway.state).map(s -> s.status()), violations, world.trace(), world.events());
    }

    private static Duration offset(World world, Faults faults) {
        long max = faults.maxOffset().toMillis();
        return Duration.ofMillis(max == 0 ? 0 : world.random.nextLong(-max, max + 1));
    }
}
