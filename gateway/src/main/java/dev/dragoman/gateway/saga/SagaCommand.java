package dev.dragoman.gateway.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** An event the saga asks the caller to send; each carries the saga's {@code sagaid} and {@code deadline}. */
public sealed interface SagaCommand {

    /**
     * The instant after which the event is not delivered any more: its outbox expiry and its
     * {@code expirytime}. Compensations and aborted outcomes get the outcome window from now, past
     * the deadline, because a delta can be undone late but must not be lost.
     *
     * @param deadline the saga's deadline
     * @param outcomeWindow how long outcomes and compensations are retried ({@code dragoman.events.outcome-window})
     */
    default Instant notAfter(Instant deadline, Instant now, Duration outcomeWindow) {
        return now.plus(outcomeWindow);
    }

    /**
     * The saga's outcome, to one receiver. The data is not here: it is the start event's data
     * translated for the receiver, which the caller knows how to do and the machine does not.
     *
     * @param confirming true for a copy of the {@code completed} outcome, which confirms the saga
     *     only when acknowledged before the deadline, and so is never delivered after it
     */
    record SendOutcome(String type, String receiver, boolean confirming) implements SagaCommand {
        public SendOutcome {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(receiver, "receiver");
        }

        @Override
        public Instant notAfter(Instant deadline, Instant now, Duration outcomeWindow) {
            // A completed outcome delivered after the deadline would reach a participant that may have rolled back on its own.
            return confirming ? deadline : now.plus(outcomeWindow);
        }
    }

    /**
     * A participant's compensation.
     *
     * @param data its completed data with the negate fields negated, or null when that was null
     */
    record SendCompensation(String receiver, String type, String data) implements SagaCommand {
        public SendCompensation {
            Objects.requireNonNull(receiver, "receiver");
            Objects.requireNonNull(type, "type");
        }
    }
}
