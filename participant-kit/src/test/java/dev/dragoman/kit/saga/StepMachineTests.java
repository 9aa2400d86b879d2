package dev.dragoman.kit.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.kit.saga.SagaStepStore.Role;
import dev.dragoman.kit.saga.SagaStepStore.Status;
import dev.dragoman.kit.saga.StepDecision.Cause;
import dev.dragoman.kit.saga.StepDecision.Confirm;
import dev.dragoman.kit.saga.StepDecision.Nothing;
import dev.dragoman.kit.saga.StepDecision.RefuseExpired;
import dev.dragoman.kit.saga.StepDecision.RefusePastDeadline;
import dev.dragoman.kit.saga.StepDecision.RefuseRolledBack;
import dev.dragoman.kit.saga.StepDecision.RememberRolledBack;
import dev.dragoman.kit.saga.StepDecision.RollBackOwn;
import dev.dragoman.kit.saga.StepDecision.RollBackWithCoordinatorData;
import dev.dragoman.kit.saga.StepDecision.RunStep;
import dev.dragoman.kit.saga.StepInput.Cancelled;
import dev.dragoman.kit.saga.StepInput.Compensation;
import dev.dragoman.kit.saga.StepInput.Confirmed;
import dev.dragoman.kit.saga.StepInput.Request;
import dev.dragoman.kit.saga.StepInput.WatchdogPass;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (row x input) cell of the kit's saga step decisions, with fixed instants: a deadline, a
 * 2 s clock-skew allowance, and times just inside and just outside it. A {@code null} status is
 * "no row".
 */
class StepMachineTests {

    static final Instant T0 = Instant.parse("2026-12-01T13:00:00Z");
    static final Instant DEADLINE = T0.plusSeconds(600);
    static final Duration ALLOWANCE = Duration.ofSeconds(2);
    static final Instant INSIDE = DEADLINE.plus(ALLOWANCE).minusMillis(1);
    static final Instant AT_END = DEADLINE.plus(ALLOWANCE);
    static final Instant A_DAY_LATE = DEADLINE.plus(Duration.ofDays(1));
    /** An outcome copy's expirytime under the outcome window, far from the deadline. */
    static final Instant OUTCOME_EXPIRY = DEADLINE.plus(Duration.ofDays(1));

    static final Nothing NOTHING = new Nothing("any");
    static final List<Status> ROWS = Arrays.asList(null, Status.COMPLETED, Status.CONFIRMED, Status.COMPENSATED, Status.FAILED);

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        // A step request: runs only where no row is, expires an allowance after its expirytime (the deadline), whatever the row.
        cell(cells, "request before the deadline", new Request(DEADLINE), T0.plusSeconds(1),
                new RunStep(), NOTHING, NOTHING, NOTHING, NOTHING);
        cell(cells, "request inside the allowance", new Request(DEADLINE), INSIDE,
                new RunStep(), NOTHING, NOTHING, NOTHING, NOTHING);
        RefuseExpired requestExpired = new RefuseExpired(AT_END);
        cell(cells, "request at expirytime + allowance", new Request(DEADLINE), AT_END,
                requestExpired, requestExpired, requestExpired, requestExpired, requestExpired);
        cell(cells, "request without expirytime, a day late", new Request(null), A_DAY_LATE,
                new RunStep(), NOTHING, NOTHING, NOTHING, NOTHING);
        // confirmed: taken until the deadline + allowance, refused after a rollback, refused past deadline + allowance.
        cell(cells, "confirmed before the deadline", new Confirmed(OUTCOME_EXPIRY), T0.plusSeconds(1),
                NOTHING, new Confirm(), NOTHING, new RefuseRolledBack(), NOTHING);
        cell(cells, "confirmed inside the allowance", new Confirmed(OUTCOME_EXPIRY), INSIDE,
                NOTHING, new Confirm(), NOTHING, new RefuseRolledBack(), NOTHING);
        cell(cells, "confirmed at the deadline + allowance", new Confirmed(OUTCOME_EXPIRY), AT_END,
                NOTHING, new RefusePastDeadline(AT_END), NOTHING, new RefuseRolledBack(), NOTHING);
        RefuseExpired confirmedExpired = new RefuseExpired(AT_END);
        cell(cells, "confirmed with expirytime = deadline, inside the allowance", new Confirmed(DEADLINE), INSIDE,
                NOTHING, new Confirm(), NOTHING, new RefuseRolledBack(), NOTHING);
        cell(cells, "confirmed with expirytime = deadline, at expirytime + allowance", new Confirmed(DEADLINE), AT_END,
                confirmedExpired, confirmedExpired, confirmedExpired, confirmedExpired, confirmedExpired);
        // cancelled and compensations never expire: a day late, and before the deadline, the same.
        for (Instant now : List.of(T0.plusSeconds(1), A_DAY_LATE)) {
            cell(cells, "cancelled to a participant at " + now, new Cancelled(Role.PARTICIPANT), now,
                    new RememberRolledBack(), new RollBackOwn(Cause.CANCELLED), new RollBackOwn(Cause.CANCELLED), NOTHING, NOTHING);
            cell(cells, "cancelled to the initiator at " + now, new Cancelled(Role.INITIATOR), now,
                    NOTHING, new RollBackOwn(Cause.CANCELLED), new RollBackOwn(Cause.CANCELLED), NOTHING, NOTHING);
            cell(cells, "compensation at " + now, new Compensation(), now,
                    new RollBackWithCoordinatorData(), new RollBackWithCoordinatorData(), new RollBackWithCoordinatorData(), NOTHING, NOTHING);
        }
        // The watchdog: only a completed step, only from the deadline + allowance on.
        cell(cells, "watchdog at the deadline", new WatchdogPass(), DEADLINE, NOTHING, NOTHING, NOTHING, NOTHING, NOTHING);
        cell(cells, "watchdog inside the allowance", new WatchdogPass(), INSIDE, NOTHING, NOTHING, NOTHING, NOTHING, NOTHING);
        cell(cells, "watchdog at the deadline + allowance", new WatchdogPass(), AT_END,
                NOTHING, new RollBackOwn(Cause.NO_CONFIRMATION), NOTHING, NOTHING, NOTHING);
        cell(cells, "watchdog a day late", new WatchdogPass(), A_DAY_LATE,
                NOTHING, new RollBackOwn(Cause.NO_CONFIRMATION), NOTHING, NOTHING, NOTHING);
        return cells.stream();
    }

    /** One row of the table: the decisions for no row, COMPLETED, CONFIRMED, COMPENSATED, FAILED. */
    private static void cell(List<Arguments> cells, String what, StepInput input, Instant now, StepDecision... perRow) {
        for (int i = 0; i < ROWS.size(); i++) {
            cells.add(Arguments.of(what, ROWS.get(i), input, now, perRow[i]));
        }
    }

    @ParameterizedTest(name = "{0}, row {1}: {4}")
    @MethodSource("cells")
    void decides(String what, Status status, StepInput input, Instant now, StepDecision expected) {
        StepDecision decision = StepMachine.decide(row(status), input, now, ALLOWANCE);

        if (expected instanceof Nothing) {
            assertThat(decision).isInstanceOf(Nothing.class);
        } else {
            assertThat(decision).isEqualTo(expected);
        }
    }

    @Test
    void nothingSaysWhy() {
        assertThat(StepMachine.decide(row(Status.CONFIRMED), new Confirmed(null), T0, ALLOWANCE))
                .isEqualTo(new Nothing("the step is confirmed"));
        assertThat(StepMachine.decide(row(Status.COMPENSATED), new Request(DEADLINE), T0, ALLOWANCE))
                .isEqualTo(new Nothing("the step is already compensated"));
        assertThat(StepMachine.decide(row(Status.COMPLETED), new WatchdogPass(), INSIDE, ALLOWANCE))
                .isEqualTo(new Nothing("the deadline plus the allowance, " + AT_END + ", has not come"));
    }

    @Test
    void withoutAllowance_theDeadlineItselfEndsTheStep() {
        assertThat(StepMachine.decide(row(Status.COMPLETED), new Confirmed(null), DEADLINE.minusMillis(1), Duration.ZERO))
                .isEqualTo(new Confirm());
        assertThat(StepMachine.decide(row(Status.COMPLETED), new Confirmed(null), DEADLINE, Duration.ZERO))
                .isEqualTo(new RefusePastDeadline(DEADLINE));
        assertThat(StepMachine.decide(row(Status.COMPLETED), new WatchdogPass(), DEADLINE, Duration.ZERO))
                .isEqualTo(new RollBackOwn(Cause.NO_CONFIRMATION));
        assertThat(StepMachine.decide(Optional.empty(), new Request(DEADLINE), DEADLINE, Duration.ZERO))
                .isEqualTo(new RefuseExpired(DEADLINE));
    }

    @Test
    void aNegativeAllowanceIsRefused() {
        assertThatThrownBy(() -> StepMachine.decide(Optional.empty(), new WatchdogPass(), T0, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the clock-skew allowance must not be negative, not PT-1S");
    }

    private static Optional<StepMachine.Row> row(Status status) {
        return status == null ? Optional.empty() : Optional.of(new StepMachine.Row(status, DEADLINE));
    }
}
