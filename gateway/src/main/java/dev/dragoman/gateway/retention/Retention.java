package dev.dragoman.gateway.retention;

import static dev.dragoman.gateway.outbox.Timestamps.sql;

import dev.dragoman.gateway.metrics.EventMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes what the event store need not keep any more (docs/EVENTS.md, "Retention"), oldest
 * first, one small batch per transaction so that no run holds many locks or a long transaction
 * against the delivery worker:
 *
 * <ol>
 * <li>an ended saga, with its timeline and every copy it sent or was sent for, once it ended more
 *     than {@code retention} ago, none of its copies is still pending, and none was refused
 *     (expired, rejected) less than {@code refusedRetention} ago. A saga goes whole: its view never
 *     shows half a history, and a forward copy can never outlive its saga (a re-send checks it);</li>
 * <li>a copy of no stored saga: delivered more than {@code retention} ago, or expired or rejected
 *     more than {@code refusedRetention} ago (longer by default: those are the copies an operator
 *     may still re-send);</li>
 * <li>an accepted event more than {@code retention} old with no copy and no saga left. Its
 *     {@code source} + {@code id} is then forgotten: publishing it again is a new event.</li>
 * </ol>
 *
 * Open and confirming sagas and pending copies are never touched, however old.
 */
public final class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final EventMetrics metrics;
    private final Settings settings;
    private final TaskLease lease;

    /**
     * @param retention how long ended sagas, delivered copies and events are kept
     * @param refusedRetention how long expired and rejected copies (and the sagas they belong to) are kept
     * @param batchSize rows removed per transaction
     * @param interval how often a gateway looks for work
     * @param lease how long a run may take before another gateway may start one (a crashed run's lease runs out)
     */
    public record Settings(Duration retention, Duration refusedRetention, int batchSize, Duration interval, Duration lease) {
        public Settings {
            Objects.requireNonNull(retention, "retention");
            Objects.requireNonNull(refusedRetention, "refusedRetention");
            if (batchSize < 1) {
                throw new IllegalArgumentException("the retention's batch size must be at least 1 but was " + batchSize);
            }
            if (retention.isNegative() || refusedRetention.isNegative()) {
                throw new IllegalArgumentException("retention periods cannot be negative: " + retention + ", " + refusedRetention);
            }
        }
    }

    /** What one run removed; {@code ran} is false when another gateway held the task. */
    public record Removed(boolean ran, long sagas, long copies, long events) {
        static final Removed NOT_MY_TURN = new Removed(false, 0, 0, 0);

        Removed plus(long sagas, long copies, long events) {
            return new Removed(true, this.sagas + sagas, this.copies + copies, this.events + events);
        }
    }

    Retention(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, EventMetrics metrics, Settings settings, TaskLease lease) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.metrics = metrics;
        this.settings = settings;
        this.lease = lease;
    }

    /** Runs once if no other gateway runs it now: batch after batch until nothing is left or half the lease is spent. */
    public Removed run() {
        Instant start = now();
        if (!lease.acquire(start, settings.lease())) {
            return Removed.NOT_MY_TURN;
        }
        Removed removed = new Removed(true, 0, 0, 0);
        try {
            Instant keptFrom = start.minus(settings.retention());
            Instant refusedKeptFrom = start.minus(settings.refusedRetention());
            Instant stopAt = start.plus(settings.lease().dividedBy(2));
            while (now().isBefore(stopAt)) {
                Removed batch = transactions.execute(tx -> batch(keptFrom, refusedKeptFrom));
                metrics.removed("saga", batch.sagas());
                metrics.removed("copy", batch.copies());
                metrics.removed("event", batch.events());
                removed = removed.plus(batch.sagas(), batch.copies(), batch.events());
                if (batch.sagas() + batch.copies() + batch.events() == 0) {
                    break;
                }
            }
        } finally {
            lease.release(now());
        }
        if (removed.sagas() + removed.copies() + removed.events() > 0) {
            log.info("Retention removed {} ended sagas, {} finished copies and {} events (older than {}, refused copies {})",
                    removed.sagas(), removed.copies(), removed.events(), settings.retention(), settings.refusedRetention());
        }
        return removed;
    }

    /** One batch of each kind, in one transaction. */
    private Removed batch(Instant keptFrom, Instant refusedKeptFrom) {
        int size = settings.batchSize();
        List<String> sagas = jdbc.sql("SELECT s.saga_id FROM saga s WHERE s.ended_at < ? AND s.status IN ('COMPLETED', 'ABORTED', 'TIMED_OUT')"
                        + " AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.saga_id = s.saga_id AND (d.status = 'PENDING'"
                        + " OR (d.status IN ('EXPIRED', 'REJECTED') AND d.finished_at >= ?)))"
                        + " FETCH FIRST " + size + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .params(sql(keptFrom), sql(refusedKeptFrom)).query(String.class).list();
        long sagaCopies = 0;
        for (String sagaId : sagas) {
            jdbc.sql("DELETE FROM saga_timeline WHERE saga_id = ?").param(sagaId).update();
            sagaCopies += jdbc.sql("DELETE FROM delivery WHERE saga_id = ?").param(sagaId).update();
            jdbc.sql("DELETE FROM saga WHERE saga_id = ?").param(sagaId).update();
        }
        long copies = jdbc.sql("DELETE FROM delivery WHERE id IN (SELECT d.id FROM delivery d WHERE"
                        + " ((d.status = 'DELIVERED' AND d.finished_at < ?) OR (d.status IN ('EXPIRED', 'REJECTED') AND d.finished_at < ?))"
                        + " AND (d.saga_id IS NULL OR NOT EXISTS (SELECT 1 FROM saga s WHERE s.saga_id = d.saga_id))"
                        + " FETCH FIRST " + size + " ROWS ONLY)")
                .params(sql(keptFrom), sql(refusedKeptFrom)).update();
        long events = jdbc.sql("DELETE FROM published_event WHERE id IN (SELECT e.id FROM published_event e WHERE e.accepted_at < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.published_id = e.id)"
                        + " AND (e.saga_id IS NULL OR NOT EXISTS (SELECT 1 FROM saga s WHERE s.saga_id = e.saga_id))"
                        + " FETCH FIRST " + size + " ROWS ONLY)")
                .param(sql(keptFrom)).update();
        return new Removed(true, sagas.size(), sagaCopies + copies, events);
    }

    /** Microseconds, like every time the store holds. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
