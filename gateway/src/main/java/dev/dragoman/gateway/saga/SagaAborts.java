package dev.dragoman.gateway.saga;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An operator's abort of a saga, in its own transaction: the saga ends {@link SagaStatus#ABORTED}
 * and its aborted outcome and compensations are in the outbox when this returns, and the outbox
 * is woken to send them at once.
 */
public final class SagaAborts {

    private static final Logger log = LoggerFactory.getLogger(SagaAborts.class);

    private final SagaCoordinator sagas;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Runnable newWork;

    /** @param newWork told when the abort queued outcomes and compensations */
    public SagaAborts(SagaCoordinator sagas, TransactionTemplate transactions, Clock clock, Runnable newWork) {
        this.sagas = sagas;
        this.transactions = transactions;
        this.clock = clock;
        this.newWork = newWork;
    }

    /**
     * Aborts an open or confirming saga.
     *
     * @param operator who, as the timeline and the log name them
     * @param reason why, or null
     * @return the saga now: {@link SagaStatus#ABORTED}, or {@link SagaStatus#TIMED_OUT} when its
     *     deadline came before the abort (the deadline's own abort was then sent)
     * @throws UnknownSagaException when no saga has that id
     * @throws SagaEndedException when it had already ended; nothing is changed
     */
    public SagaView abort(String sagaId, String operator, String reason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        SagaState state = transactions.execute(tx -> sagas.abort(sagaId, operator, reason, now));
        newWork.run();
        log.info("Saga {} ({}) abort asked by {}{}: now {}", sagaId, state.sagaName(), operator, reason == null ? "" : " (" + reason + ")",
                state.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return sagas.view(sagaId).orElseThrow();
    }
}
