package dev.dragoman.kit.saga;

import dev.dragoman.kit.saga.SagaStepStore.StepKey;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass of the deadline watchdog: every step this service completed whose deadline (plus the
 * clock-skew allowance) has come without the {@code confirmed} outcome is rolled back here, each in a transaction of its own with
 * the row that records it, and logged in one line. It needs no message from anyone, so a service
 * cut off from Dragoman still rolls back at the deadline. The kit's pass loop runs it on a
 * schedule; it never waits itself, so a test moves the clock and runs it.
 */
public class DeadlineWatchdog {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatchdog.class);

    private final SagaStepStore store;
    private final SagaSteps steps;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int batchSize;

    public DeadlineWatchdog(SagaStepStore store, SagaSteps steps, TransactionTemplate tx, Clock clock, int batchSize) {
        this.store = store;
        this.steps = steps;
        this.tx = tx;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** @return how many steps this pass rolled back; failing ones do not count, so a loop on them never spins */
    public int runOnce() {
        // A step rolls back at its deadline plus the clock-skew allowance: the rows whose deadline is that far behind.
        List<StepKey> overdue = store.overdue(clock.instant().minus(steps.allowance()), batchSize);
        int rolledBack = 0;
        for (StepKey key : overdue) {
            try {
                if (Boolean.TRUE.equals(tx.execute(status -> steps.rollBackIfOverdue(key.sagaId(), key.step())))) {
                    rolledBack++;
                }
            } catch (RuntimeException e) {
                // Rolled back with the row: the step stays completed and the next pass tries again, however late.
                log.error("Dragoman saga {}, step {}: the rollback at the deadline failed, will try again", key.sagaId(), key.step(), e);
            }
        }
        return rolledBack;
    }
}
