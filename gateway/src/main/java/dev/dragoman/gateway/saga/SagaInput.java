package dev.dragoman.gateway.saga;

import java.util.Objects;

/** What makes a saga instance move: a participant's report, or just time passing. */
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
}
