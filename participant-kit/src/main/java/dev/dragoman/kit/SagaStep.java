package dev.dragoman.kit;

import java.util.List;
import java.util.Objects;

/**
 * A saga step this service takes part in, declared as a bean with {@link #on(String)}. The types
 * are those of the saga's declaration in Dragoman's maps: the request the step runs on, its
 * {@code completed} and {@code failed} report types, the saga's outcome types and the step's
 * {@code compensation} with its {@code negate} paths.
 *
 * <pre>{@code
 * @Bean
 * SagaStep capture(Payments payments) {
 *     return SagaStep.on("payment.requested")
 *             .reports("payment.captured", "payment.declined")
 *             .outcomes("order.confirmed", "order.cancelled")
 *             .compensation("payment.refund", "$.amount")
 *             .handle(request -> payments.capture(request))       // StepResult.completed(data) or failed(data)
 *             .compensate((sagaId, refund) -> payments.refund(sagaId, refund.get("amount").asLong()));
 * }
 * }</pre>
 *
 * @param negate JSONPath paths ({@code $.amount}, {@code $.lines[*].amount}, {@code $.totals[0].net}) of the
 *               delta fields in the completed data that the compensation receives negated
 */
public record SagaStep(String on, String completed, String failed, String outcomeConfirmed, String outcomeCancelled,
        String compensation, List<String> negate, StepHandler handler, SagaAction compensate) {

    public SagaStep {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(completed, "the completed report type of step " + on);
        Objects.requireNonNull(failed, "the failed report type of step " + on);
        Objects.requireNonNull(outcomeConfirmed, "the confirmed outcome type of step " + on);
        Objects.requireNonNull(outcomeCancelled, "the cancelled outcome type of step " + on);
        Objects.requireNonNull(compensation, "the compensation type of step " + on);
        negate = List.copyOf(negate);
        Objects.requireNonNull(handler, "the handler of step " + on);
        Objects.requireNonNull(compensate, "the compensation of step " + on);
    }

    /** The step's handler: runs in the inbox transaction and says whether the step completed. */
    @FunctionalInterface
    public interface StepHandler {
        StepResult handle(InboundEvent request) throws Exception;
    }

    public static Builder on(String requestType) {
        return new Builder(requestType);
    }

    /** Builds a step; each method names one part of the saga's declaration. */
    public static final class Builder {
        private final String on;
        private String completed;
        private String failed;
        private String outcomeConfirmed;
        private String outcomeCancelled;
        private String compensation;
        private List<String> negate = List.of();
        private StepHandler handler;

        private Builder(String on) {
            this.on = Objects.requireNonNull(on, "on");
        }

        /** The participant's {@code completed} and {@code failed} report types. */
        public Builder reports(String completed, String failed) {
            this.completed = completed;
            this.failed = failed;
            return this;
        }

        /** The saga's {@code outcome}: its {@code completed} (confirmed) and {@code aborted} (cancelled) types. */
        public Builder outcomes(String confirmed, String cancelled) {
            this.outcomeConfirmed = confirmed;
            this.outcomeCancelled = cancelled;
            return this;
        }

        /** The participant's {@code compensation} type and its {@code negate} paths. */
        public Builder compensation(String type, String... negate) {
            this.compensation = type;
            this.negate = List.of(negate);
            return this;
        }

        public Builder handle(StepHandler handler) {
            this.handler = handler;
            return this;
        }

        /** The last part: the compensation, which makes the step. */
        public SagaStep compensate(SagaAction compensate) {
            return new SagaStep(on, completed, failed, outcomeConfirmed, outcomeCancelled, compensation, negate, handler, compensate);
        }
    }
}
