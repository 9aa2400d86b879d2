package dev.dragoman.kit;

import dev.dragoman.kit.saga.SagaSteps;
import java.time.Instant;

/**
 * Starts the sagas this service initiates ({@link SagaInitiator} beans). Called in the transaction
 * that does the initiator's work, the start event and the saga's record commit with it; the
 * deadline watchdog then runs the initiator's {@code onNotConfirmed} if the {@code confirmed}
 * outcome has not come by the deadline.
 */
public final class DragomanSagas {

    private final SagaSteps steps;

    public DragomanSagas(SagaSteps steps) {
        this.steps = steps;
    }

    /**
     * Publishes the start event {@code startType} with the saga's deadline.
     *
     * @return the saga id: the start event's id, which Dragoman takes as the saga's {@code sagaid}
     */
    public String start(String startType, Object data, Instant deadline) {
        return steps.start(startType, data, deadline);
    }
}
