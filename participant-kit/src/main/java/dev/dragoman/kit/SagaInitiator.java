package dev.dragoman.kit;

import java.util.Objects;

/**
 * A saga this service starts, declared as a bean with {@link #of(String)}: the start type and the
 * saga's outcome types, and what to do when the saga does not end confirmed. Start an instance with
 * {@link DragomanSagas#start}. The kit's deadline watchdog runs {@code onNotConfirmed} once when
 * the deadline passes without the {@code confirmed} outcome, or earlier when the {@code cancelled}
 * outcome arrives.
 *
 * <pre>{@code
 * @Bean
 * SagaInitiator placement(Orders orders) {
 *     return SagaInitiator.of("order.placed")
 *             .outcomes("order.confirmed", "order.cancelled")
 *             .onConfirmed((sagaId, order) -> orders.confirm(sagaId))
 *             .onNotConfirmed((sagaId, order) -> orders.cancel(sagaId));
 * }
 * }</pre>
 */
public record SagaInitiator(String start, String outcomeConfirmed, String outcomeCancelled, SagaAction onConfirmed,
        SagaAction onNotConfirmed) {

    private static final SagaAction NOTHING = (sagaId, data) -> { };

    public SagaInitiator {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(outcomeConfirmed, "the confirmed outcome type of saga start " + start);
        Objects.requireNonNull(outcomeCancelled, "the cancelled outcome type of saga start " + start);
        onConfirmed = onConfirmed == null ? NOTHING : onConfirmed;
        Objects.requireNonNull(onNotConfirmed, "onNotConfirmed of saga start " + start);
    }

    public static Builder of(String startType) {
        return new Builder(startType);
    }

    public static final class Builder {
        private final String start;
        private String confirmed;
        private String cancelled;
        private SagaAction onConfirmed;

        private Builder(String start) {
            this.start = start;
        }

        public Builder outcomes(String confirmed, String cancelled) {
            this.confirmed = confirmed;
            this.cancelled = cancelled;
            return this;
        }

        /** Optional: runs once, in the inbox transaction, when the confirmed outcome arrives before the deadline. */
        public Builder onConfirmed(SagaAction onConfirmed) {
            this.onConfirmed = onConfirmed;
            return this;
        }

        public SagaInitiator onNotConfirmed(SagaAction onNotConfirmed) {
            return new SagaInitiator(start, confirmed, cancelled, onConfirmed, onNotConfirmed);
        }
    }
}
