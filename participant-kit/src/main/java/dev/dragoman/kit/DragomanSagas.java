package dev.dragoman.kit;

import dev.dragoman.kit.saga.SagaSteps;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Starts the sagas this service initiates ({@link SagaInitiator} beans). Called in the transaction
 * that does the initiator's work, the start event and the saga's record commit with it; the
 * deadline watchdog then runs the initiator's {@code onNotConfirmed} if the {@code confirmed}
 * outcome has not come by the deadline.
 */
public final class DragomanSagas {

    private final Supplier<SagaSteps> steps;

    /**
     * @param steps looked up at the first start, not now: the class that starts a saga is usually
     *     the one its initiator's callbacks call, and the saga steps are made of those initiators
     */
    public DragomanSagas(Supplier<SagaSteps> steps) {
        this.steps = steps;
    }

    /**
     * Publishes the start event {@code startType} with the saga's deadline.
     *
     * @return the saga id: the start event's id, which Dragoman takes as the saga's {@code sagaid}
     */
    public String start(String startType, Object data, Instant deadline) {
        return steps.get().start(startType, data, deadline);
    }
}
