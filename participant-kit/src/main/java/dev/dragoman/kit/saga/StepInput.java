package dev.dragoman.kit.saga;

import dev.dragoman.kit.saga.SagaStepStore.Role;
import java.time.Instant;
import java.util.Objects;

/** What came for one saga step of this service: a copy from Dragoman, or the watchdog's pass. */
public sealed interface StepInput {

    /**
     * The copy that asks this service to run its step.
     *
     * @param expiryTime the copy's {@code expirytime}, or {@code null} when it has none
     */
    record Request(Instant expiryTime) implements StepInput {
    }

    /**
     * The saga's {@code confirmed} outcome.
     *
     * @param expiryTime the copy's {@code expirytime}, or {@code null} when it has none
     */
    record Confirmed(Instant expiryTime) implements StepInput {
    }

    /**
     * The saga's {@code cancelled} outcome. It never expires: whatever it undoes must be undone however late it comes.
     *
     * @param role whether it came to a step of this service or to a saga this service started
     */
    record Cancelled(Role role) implements StepInput {
        public Cancelled {
            Objects.requireNonNull(role, "role");
        }
    }

    /** Dragoman's compensation for the step, with the data it negated. It never expires, like {@link Cancelled}. */
    record Compensation() implements StepInput {
    }

    /** The deadline watchdog looking at the step. */
    record WatchdogPass() implements StepInput {
    }
}
