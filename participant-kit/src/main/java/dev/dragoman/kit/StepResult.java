package dev.dragoman.kit;

/**
 * What a saga step's handler decided. The kit publishes the step's {@code completed} or
 * {@code failed} report type with this data, the copy's {@code sagaid} and the saga's deadline,
 * in the handler's transaction.
 *
 * @param data any value Jackson writes as JSON; for a completed step it is what the compensation
 *             later receives with the step's {@code negate} fields negated
 */
public record StepResult(boolean completed, Object data) {

    public static StepResult completed(Object data) {
        return new StepResult(true, data);
    }

    public static StepResult failed(Object data) {
        return new StepResult(false, data);
    }
}
