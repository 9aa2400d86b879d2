package dev.dragoman.kit.saga;

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
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a saga step's input does, as a pure function of (the step's row, the input, now, the
 * clock-skew allowance) to a {@link StepDecision}: no store, no clock, no Spring, so that every
 * cell is tested with fixed instants and a simulation drives the kit's real decisions.
 *
 * <p>The allowance moves every time bound of the participant later, never earlier: the
 * watchdog rolls back at deadline + allowance, {@code confirmed} is taken until then, and a
 * request or a {@code confirmed} expires at its expirytime + allowance. Dragoman sends
 * {@code confirmed} until its own deadline, so a participant whose clock runs ahead by up to the
 * allowance still takes it in time. Safety does not rest on clocks: Dragoman confirms a saga only
 * on every receiver's acknowledgement, and a step that rolled back refuses {@code confirmed}.
 * A {@code cancelled} outcome and a compensation never expire: a delta must be undone however
 * late its undoing comes; the row makes it happen once.
 */
public final class StepMachine {

    private StepMachine() {
    }

    /**
     * The part of a step's row the decisions read.
     *
     * @param deadline the saga's deadline as the row keeps it
     */
    public record Row(Status status, Instant deadline) {
        public Row {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(deadline, "deadline");
        }
    }

    /**
     * @param row       the step's row, empty when this service has none for the saga
     * @param allowance how far the clocks of Dragoman and this service may be apart
     */
    public static StepDecision decide(Optional<Row> row, StepInput input, Instant now, Duration allowance) {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(now, "now");
        if (Objects.requireNonNull(allowance, "allowance").isNegative()) {
            throw new IllegalArgumentException("the clock-skew allowance must not be negative, not " + allowance);
        }
        if (input instanceof Request request) {
            return request(row, request, now, allowance);
        }
        if (input instanceof Confirmed confirmed) {
            return confirmed(row, confirmed, now, allowance);
        }
        if (input instanceof Cancelled cancelled) {
            return cancelled(row, cancelled);
        }
        if (input instanceof Compensation) {
            return compensation(row);
        }
        if (input instanceof WatchdogPass) {
            return watchdog(row, now, allowance);
        }
        throw new IllegalArgumentException("no decision for " + input);
    }

    private static StepDecision request(Optional<Row> row, Request request, Instant now, Duration allowance) {
        Optional<Instant> expired = expired(request.expiryTime(), now, allowance);
        if (expired.isPresent()) {
            return new RefuseExpired(expired.get());
        }
        if (row.isPresent()) {
            // It ran, or the saga was cancelled before its request came: a request never runs a step twice.
            return new Nothing("the step is already " + name(row.get().status()));
        }
        return new RunStep();
    }

    private static StepDecision confirmed(Optional<Row> row, Confirmed confirmed, Instant now, Duration allowance) {
        Optional<Instant> expired = expired(confirmed.expiryTime(), now, allowance);
        if (expired.isPresent()) {
            return new RefuseExpired(expired.get());
        }
        if (row.isEmpty()) {
            return new Nothing("no step here");
        }
        Row step = row.get();
        if (step.status() == Status.COMPENSATED) {
            return new RefuseRolledBack();
        }
        if (step.status() != Status.COMPLETED) {
            return new Nothing("the step is " + name(step.status()));
        }
        Instant rollsBackAt = step.deadline().plus(allowance);
        if (!now.isBefore(rollsBackAt)) {
            // The watchdog is due to roll it back; a 2xx now would tell the coordinator the step was kept.
            return new RefusePastDeadline(rollsBackAt);
        }
        return new Confirm();
    }

    private static StepDecision cancelled(Optional<Row> row, Cancelled cancelled) {
        if (row.isEmpty()) {
            // The request may still come (copies are not ordered): the row keeps it from running the step.
            return cancelled.role() == Role.PARTICIPANT ? new RememberRolledBack() : new Nothing("no saga started here");
        }
        Status status = row.get().status();
        // A CONFIRMED step too: the saga turned aborted after all (an acknowledgement Dragoman did not get in time).
        return status == Status.COMPLETED || status == Status.CONFIRMED
                ? new RollBackOwn(Cause.CANCELLED)
                : new Nothing("the step is " + name(status));
    }

    private static StepDecision compensation(Optional<Row> row) {
        if (row.isEmpty()) {
            // Dragoman compensates only a step whose completed report it took: undo it, and remember that it is undone.
            return new RollBackWithCoordinatorData();
        }
        Status status = row.get().status();
        return status == Status.COMPLETED || status == Status.CONFIRMED
                ? new RollBackWithCoordinatorData()
                : new Nothing("the step is " + name(status));
    }

    private static StepDecision watchdog(Optional<Row> row, Instant now, Duration allowance) {
        if (row.isEmpty()) {
            return new Nothing("no step here");
        }
        Row step = row.get();
        if (step.status() != Status.COMPLETED) {
            return new Nothing("the step is " + name(step.status()));
        }
        Instant rollsBackAt = step.deadline().plus(allowance);
        return now.isBefore(rollsBackAt) ? new Nothing("the deadline plus the allowance, " + rollsBackAt + ", has not come")
                : new RollBackOwn(Cause.NO_CONFIRMATION);
    }

    private static Optional<Instant> expired(Instant expiryTime, Instant now, Duration allowance) {
        if (expiryTime == null) {
            return Optional.empty();
        }
        Instant expiredAt = expiryTime.plus(allowance);
        return now.isBefore(expiredAt) ? Optional.empty() : Optional.of(expiredAt);
    }

    private static String name(Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
