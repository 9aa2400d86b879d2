package dev.dragoman.gateway.saga;

import static dev.dragoman.gateway.saga.SagaMachineTests.DEADLINE;
import static dev.dragoman.gateway.saga.SagaMachineTests.SAGA;
import static dev.dragoman.gateway.saga.SagaMachineTests.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.gateway.saga.SagaCommand.SendCompensation;
import dev.dragoman.gateway.saga.SagaCommand.SendOutcome;
import dev.dragoman.gateway.saga.SagaInput.Acknowledged;
import dev.dragoman.gateway.saga.SagaInput.Refused;
import dev.dragoman.gateway.saga.SagaInput.Report;
import dev.dragoman.gateway.saga.SagaInput.Tick;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The deadline protocol's promises over random interleavings of reports, acknowledgements,
 * refusals and ticks, arriving in any order and at any time around the deadline: a saga is
 * completed only if every receiver acknowledged the completed outcome while it was confirming and
 * before the deadline, and every participant that completed in an aborted or timed-out saga gets
 * exactly one compensation, whatever came when. {@code -Dsaga.seed=S} repeats a run,
 * {@code -Dsaga.runs=N} makes more of them; a failure prints the seed and the inputs.
 */
class SagaMachinePropertyTests {

    static final long SEED = Long.getLong("saga.seed", new SecureRandom().nextLong());
    static final int RUNS = Integer.getInteger("saga.runs", 2000);

    static final List<String> TYPES = List.of("product.reserved", "product.out-of-stock", "payment.captured", "payment.declined",
            "order.confirmed", "order.cancelled", "payment.refund", "product.release");

    @Test
    void aSagaIsCompletedOnlyWhenEveryoneAcknowledgedInTime_andEveryCompletedParticipantOfAnAbortIsCompensatedOnce() {
        Random seeds = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            long seed = seeds.nextLong();
            List<String> trace = new ArrayList<>();
            try {
                runOnce(new Random(seed), trace);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("run " + run + " failed; repeat it with -Dsaga.seed=" + SEED + " (run seed " + seed + ")\n"
                        + String.join("\n", trace), e);
            }
        }
    }

    private static void runOnce(Random random, List<String> trace) {
        String initiator = random.nextBoolean() ? "order" : "payment";
        SagaState state = SagaMachine.start(SAGA, "saga-1", initiator, DEADLINE, T0);
        List<String> receivers = state.receivers();
        Map<String, Integer> compensations = new HashMap<>();
        Map<String, Integer> completedOutcomes = new HashMap<>();
        Set<String> ackedInTime = new HashSet<>();
        Instant now = T0;
        int steps = 5 + random.nextInt(25);
        for (int i = 0; i < steps; i++) {
            // Mostly before the deadline, sometimes well past it.
            now = now.plusSeconds(random.nextInt(random.nextInt(10) == 0 ? 400 : 60));
            SagaInput input = input(random, receivers);
            SagaStatus before = state.status();
            SagaStep step = SagaMachine.step(SAGA, state, input, now);
            trace.add(now + " " + before + " + " + input + " -> " + step.state().status() + " " + step.commands());
            assertThat(SagaMachine.step(SAGA, state, input, now)).as("the same step for the same input").isEqualTo(step);
            if (input instanceof Acknowledged ack && before == SagaStatus.CONFIRMING && now.isBefore(DEADLINE)
                    && ack.type().equals("order.confirmed")) {
                ackedInTime.add(ack.receiver());
            }
            for (SagaCommand command : step.commands()) {
                if (command instanceof SendCompensation compensation) {
                    compensations.merge(compensation.receiver(), 1, Integer::sum);
                } else if (command instanceof SendOutcome outcome) {
                    assertThat(outcome.confirming()).isEqualTo(outcome.type().equals("order.confirmed"));
                    if (outcome.confirming()) {
                        completedOutcomes.merge(outcome.receiver(), 1, Integer::sum);
                        assertThat(now).as("the completed outcome is sent before the deadline").isBefore(DEADLINE);
                    }
                }
            }
            state = step.state();
        }
        SagaStep last = SagaMachine.step(SAGA, state, new Tick(), now.isBefore(DEADLINE) ? DEADLINE : now);
        last.commands().stream().filter(SendCompensation.class::isInstance).map(SendCompensation.class::cast)
                .forEach(compensation -> compensations.merge(compensation.receiver(), 1, Integer::sum));
        state = last.state();
        trace.add("final tick -> " + state.status() + " " + last.commands() + " acknowledged " + state.acknowledged());

        assertThat(state.status()).as("after the deadline every saga has ended").matches(SagaStatus::ended);
        if (state.status() == SagaStatus.COMPLETED) {
            assertThat(ackedInTime).as("completed only if everyone acknowledged while confirming and before the deadline")
                    .containsAll(receivers);
            assertThat(state.endedAt()).isBefore(DEADLINE);
            assertThat(compensations).as("nothing to undo in a completed saga").isEmpty();
        }
        if (state.status().aborted()) {
            for (ParticipantState participant : state.participants()) {
                int expected = participant.status() == ParticipantStatus.COMPLETED ? 1 : 0;
                assertThat(compensations.getOrDefault(participant.context(), 0)).as("compensations of " + participant.context())
                        .isEqualTo(expected);
            }
        }
        completedOutcomes.values().forEach(count -> assertThat(count).as("the completed outcome is sent once").isEqualTo(1));
    }

    /** Any input, with a bias to the ones that move a saga: its own reports, and acknowledgements of its completed outcome. */
    private static SagaInput input(Random random, List<String> receivers) {
        String receiver = random.nextInt(20) == 0 ? "billing" : receivers.get(random.nextInt(receivers.size()));
        int pick = random.nextInt(100);
        if (pick < 30) {
            return switch (random.nextInt(5)) {
                case 0 -> new Report("product", "product.out-of-stock", null);
                case 1 -> new Report("payment", "payment.declined", null);
                case 2 -> new Report("payment", "payment.captured", "{\"amount\":10000}");
                default -> new Report("product", "product.reserved", "{\"sku\":\"mgame_x\"}");
            };
        }
        if (pick < 75) {
            return new Acknowledged(receiver, random.nextInt(8) == 0 ? TYPES.get(random.nextInt(TYPES.size())) : "order.confirmed");
        }
        if (pick < 85) {
            return new Refused(receiver, random.nextInt(3) == 0 ? TYPES.get(random.nextInt(TYPES.size())) : "order.confirmed", "HTTP 409");
        }
        return new Tick();
    }
}
