package dev.dragoman.gateway.saga;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acts on saga deadlines (SPEC section 6: no more than a second late): every poll interval it
 * asks the index on (status, deadline) for open and confirming sagas whose deadline has come, and times them
 * out. A saga far from its deadline costs nothing here.
 */
public final class SagaDeadlines {

    private static final int BATCH = 50;

    private final SagaCoordinator sagas;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Runnable newWork;

    /** @param newWork told when timed-out sagas queued outcomes and compensations */
    public SagaDeadlines(SagaCoordinator sagas, TransactionTemplate transactions, Clock clock, Runnable newWork) {
        this.sagas = sagas;
        this.transactions = transactions;
        this.clock = clock;
        this.newWork = newWork;
    }

    /** Times out every open or confirming saga whose deadline has come; run by a polling loop every poll interval. */
    public void timeOutDue() {
        int timedOut;
        do {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            timedOut = transactions.execute(tx -> sagas.timeOutDue(now, BATCH));
            if (timedOut > 0) {
                newWork.run();
            }
        } while (timedOut == BATCH);
    }
}
