package dev.dragoman.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.dragoman.gateway.saga.SagaStatus;
import dev.dragoman.simulation.KitNode.Behaviour;
import dev.dragoman.simulation.SagaRun.FaultPlan;
import dev.dragoman.simulation.SagaRun.Result;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The deadline protocol under faults: {@code sim.runs} seeded runs (default 2,000, seeds 1..N)
 * with every fault, the liveness promise in runs without faults, and a broken department caught,
 * to show the simulation has teeth. {@code -Dsim.seed=S} replays one seed and prints its trace. A
 * failure names its seed and prints the run's trace.
 */
class SagaSimulationTests {

    private static final BiFunction<String, Integer, Behaviour> KIT = (name, index) -> Behaviour.KIT;

    @Test
    void everySeededRunEndsAllKeptOrAllUndone() {
        Optional<Long> replay = seed();
        if (replay.isPresent()) {
            Result result = SagaRun.run(replay.get(), FaultPlan.ANY, KIT);
            System.out.println(result.report());
            assertThat(result.violations()).as(result::report).isEmpty();
            return;
        }
        int runs = runs();
        long started = System.nanoTime();
        Map<String, Integer> ends = new TreeMap<>();
        long events = 0;
        for (long seed = 1; seed <= runs; seed++) {
            Result result = SagaRun.run(seed, FaultPlan.ANY, KIT);
            if (result.failed()) {
                fail(result.report());
            }
            ends.merge(result.coordinator().map(SagaStatus::name).orElse("never started"), 1, Integer::sum);
            events += result.events();
        }
        System.out.printf("saga simulation: %d runs with faults, %d events, %d ms, the gateway's ends: %s%n", runs, events,
                (System.nanoTime() - started) / 1_000_000, ends);
        // Faults or not, some sagas must get through and some must not: otherwise the runs test nothing.
        assertThat(ends).containsKeys("COMPLETED", "TIMED_OUT");
    }

    @Test
    void withoutFaultsAndWithClocksWithinTheAllowanceEverySagaEndsConfirmed() {
        int runs = Math.max(1, runs() / 4);
        for (long seed = 1; seed <= runs; seed++) {
            Result result = SagaRun.run(seed, FaultPlan.NONE, KIT);
            if (result.failed()) {
                fail(result.report());
            }
            assertThat(result.coordinator()).contains(SagaStatus.COMPLETED);
        }
    }

    /**
     * Teeth, one: departments that acknowledge a {@code confirmed} they should refuse (they rolled back, or will). Within the
     * allowance the bug can hardly bite (that is what the allowance is for), so its clocks are further apart.
     */
    @Test
    void departmentsThatAcknowledgeConfirmedAfterTheirRollbackAreCaughtWithinAFewHundredSeeds() {
        Result caught = firstFailure(FaultPlan.SKEWED, (name, index) -> Behaviour.ACKNOWLEDGES_CONFIRMED_AFTER_ROLLBACK);

        assertThat(caught.violations()).anySatisfy(v -> assertThat(v).containsAnyOf("split outcome", "the gateway's saga is COMPLETED",
                "the initiator's order is"));
        assertThat(caught.report()).contains("broken: acknowledged a confirmed it should refuse");
    }

    /** Teeth, two: a participant that keeps its step when the saga turns aborted after it acknowledged confirmed. */
    @Test
    void aParticipantThatKeepsItsConfirmedStepOnAnAbortIsCaughtWithinAFewHundredSeeds() {
        Result caught = firstFailure(FaultPlan.ANY, (name, index) -> index == 1 ? Behaviour.KEEPS_CONFIRMED_STEP_ON_ABORT : Behaviour.KIT);

        assertThat(caught.violations()).anySatisfy(v -> assertThat(v).contains("split outcome").contains("[p1] kept"));
        assertThat(caught.report()).contains("broken: kept its confirmed step");
    }

    /** The first of 500 seeds whose run breaks the invariant, with its report: seed first, then the trace. */
    private static Result firstFailure(FaultPlan plan, BiFunction<String, Integer, Behaviour> behaviours) {
        for (long seed = 1; seed <= 500; seed++) {
            Result result = SagaRun.run(seed, plan, behaviours);
            if (result.failed()) {
                System.out.println("caught at seed " + seed + ": " + result.violations());
                assertThat(result.report()).startsWith("seed " + seed + " (replay with -Dsim.seed=" + seed + "): ")
                        .contains("\ntrace:\n").contains("order.confirmed");
                assertThat(result.report().lines().filter(line -> line.matches("\\d+\\.\\d{3}s .*"))).hasSizeGreaterThan(10);
                return result;
            }
        }
        return fail("the broken department went unnoticed for 500 seeds");
    }

    @Test
    void aSeedReplaysItsRunExactly() {
        for (long seed = 1; seed <= 20; seed++) {
            assertThat(SagaRun.run(seed, FaultPlan.ANY, KIT).trace()).isEqualTo(SagaRun.run(seed, FaultPlan.ANY, KIT).trace());
        }
    }

    private static int runs() {
        String runs = System.getProperty("sim.runs", "");
        return runs.isBlank() ? 2000 : Integer.parseInt(runs.trim());
    }

    private static Optional<Long> seed() {
        String seed = System.getProperty("sim.seed", "");
        return seed.isBlank() ? Optional.empty() : Optional.of(Long.parseLong(seed.trim()));
    }
}
