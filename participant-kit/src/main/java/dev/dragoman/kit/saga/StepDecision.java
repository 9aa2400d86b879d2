package dev.dragoman.kit.saga;

import java.time.Instant;

/** What {@link StepMachine} decides a step's input does; {@link SagaSteps} carries it out in the input's transaction. */
public sealed interface StepDecision {

    /** Run the step's handler, publish its report and record the step. */
    record RunStep() implements StepDecision {
    }

    /** Record the step (or the started saga) confirmed and run {@code onConfirmed}: the watchdog leaves it alone from now on. */
    record Confirm() implements StepDecision {
    }

    /**
     * Refuse the copy with 410: it came at or after its expirytime plus the clock-skew allowance.
     *
     * @param expiredAt its expirytime plus the allowance
     */
    record RefuseExpired(Instant expiredAt) implements StepDecision {
    }

    /** Refuse {@code confirmed} with 409: the step was rolled back, and stays so. */
    record RefuseRolledBack() implements StepDecision {
    }

    /**
     * Refuse {@code confirmed} with 409: it came at or after the deadline plus the allowance, when the step rolls back on its own.
     *
     * @param rollsBackAt the deadline plus the allowance
     */
    record RefusePastDeadline(Instant rollsBackAt) implements StepDecision {
    }

    /**
     * Roll back with the service's own data: a step's compensation with its completed data negated, or a started saga's
     * {@code onNotConfirmed}; and record it.
     */
    record RollBackOwn(Cause cause) implements StepDecision {
    }

    /** Roll the step back with the compensation copy's data (Dragoman negated it: the coordinator's word wins), and record it. */
    record RollBackWithCoordinatorData() implements StepDecision {
    }

    /** Record the step rolled back without running anything: it never ran here, and its request, still on its way, must not run it. */
    record RememberRolledBack() implements StepDecision {
    }

    /** Nothing to run and nothing to record; answered 2xx. */
    record Nothing(String why) implements StepDecision {
    }

    /** Why a step rolls back with its own data. */
    enum Cause {
        /** The deadline (plus the allowance) passed without {@code confirmed}. */
        NO_CONFIRMATION,
        /** The {@code cancelled} outcome came. */
        CANCELLED
    }
}
