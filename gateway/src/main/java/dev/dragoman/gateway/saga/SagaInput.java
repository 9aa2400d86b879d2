package dev.dragoman.gateway.saga;

import java.util.Objects;

/**
 * What makes a saga instance move: a participant's report, a receiver's answer to a copy the saga
 * sent, an operator's abort, or just time passing.
 */
public sealed interface SagaInput {

    /**
     * An event published to the saga by some context.
     *
     * @param type the CloudEvents type
     * @param data the JSON text of the event's data, or null
     */
    record Report(String context, String type, String data) implements SagaInput {
        public Report {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(type, "type");
        }
    }

    /** Time passing: the deadline may have come. */
    record Tick() implements SagaInput {
    }

    /**
     * A receiver took a copy the saga sent (an HTTP 2xx; for a Kafka receiver, the broker's acknowledgement).
     *
     * @param type the copy's CloudEvents type: an outcome or a compensation
     */
    record Acknowledged(String receiver, String type) implements SagaInput {
        public Acknowledged {
            Objects.requireNonNull(receiver, "receiver");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * The outbox gave up on a copy the saga sent, for good: the receiver refused it (a participant
     * that already rolled back answers 409 to the completed outcome), or it could not be delivered
     * before its expiry.
     *
     * @param reason what the outbox recorded, such as {@code HTTP 409 from ...}
     */
    record Refused(String receiver, String type, String reason) implements SagaInput {
        public Refused {
            Objects.requireNonNull(receiver, "receiver");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * An operator ended the saga by hand ({@code POST /admin/sagas/{sagaid}/abort}): it ends as the
     * deadline would end it, with the aborted outcome to everyone and the compensations.
     *
     * @param operator who, as the timeline and the log name them (a name the operator gave, or
     *     where the request came from)
     * @param reason why, in the operator's words, or null
     */
    record Aborted(String operator, String reason) implements SagaInput {
        public Aborted {
            Objects.requireNonNull(operator, "operator");
            if (operator.isBlank()) {
                throw new IllegalArgumentException("an abort must name its operator but was '" + operator + "'");
            }
            reason = reason == null || reason.isBlank() ? null : reason.strip();
        }
    }
}
