package dev.dragoman.gateway.saga;

import java.util.Objects;

/** An event the saga asks the caller to send; each carries the saga's {@code sagaid} and {@code deadline}. */
public sealed interface SagaCommand {

    /**
     * The saga's outcome, to one receiver. The data is not here: it is the start event's
     * data translated for the receiver, which the caller knows how to do and the machine does not.
     */
    record SendOutcome(String type, String receiver) implements SagaCommand {
        public SendOutcome {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(receiver, "receiver");
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
