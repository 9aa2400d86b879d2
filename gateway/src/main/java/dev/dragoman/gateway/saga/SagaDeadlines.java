package dev.dragoman.gateway.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acts on saga deadlines (SPEC section 6: no more than a second late): every poll interval it
 * asks the index on (status, deadline) for open sagas whose deadline has come, and times them
 * out. A saga far from its deadline costs nothing here.
 */
public final class SagaDeadlines implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SagaDeadlines.class);
    private static final int BATCH = 50;

    private final SagaCoordinator sagas;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration pollInterval;
    private final Runnable newWork;
    private volatile ScheduledExecutorService scheduler;

    /** @param newWork told when timed-out sagas queued outcomes and compensations */
    public SagaDeadlines(SagaCoordinator sagas, TransactionTemplate transactions, Clock clock, Duration pollInterval, Runnable newWork) {
        this.sagas = sagas;
        this.transactions = transactions;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.newWork = newWork;
    }

    void timeOutDue() {
        try {
            int timedOut;
            do {
                Instant now = clock.instant();
                timedOut = transactions.execute(tx -> sagas.timeOutDue(now, BATCH));
                if (timedOut > 0) {
                    newWork.run();
                }
            } while (timedOut == BATCH);
        } catch (RuntimeException e) {
            log.error("Could not act on saga deadlines; trying again in {}", pollInterval, e);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dragoman-saga-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::timeOutDue, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = scheduler;
        scheduler = null;
        if (current != null) {
            current.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
