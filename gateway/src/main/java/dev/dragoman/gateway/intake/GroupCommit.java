package dev.dragoman.gateway.intake;

import dev.dragoman.gateway.metrics.EventMetrics;
import dev.dragoman.gateway.outbox.DaemonThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Group commit (docs/EVENTS.md, "Performance settings"): the plans of events published at the
 * same time share one transaction and one commit, so that the disk's sync, which bounds how many
 * transactions a second the store commits, is paid once per batch instead of once per event.
 * Each caller waits until the commit that holds its plan, then answers: a 202 is on disk as
 * before, and a crash before the commit loses only plans whose callers were not answered.
 *
 * <p>One committer thread takes what is queued (up to {@code maxBatch}), waits up to
 * {@code window} for more when the batch is not full, and stores the batch with
 * {@link IntakeStore#writeAll}. While it commits, the next batch gathers: under load the batches
 * grow by themselves, and alone an event waits for no one when the window is zero.
 *
 * <p>A plan refused inside a batch (a duplicate source and id raced in, a saga conflict or an
 * unknown saga, a deadlock with another instance) rolls the whole batch back; the batch is then
 * stored one plan at a time with {@link IntakeStore#write}, so that the refusal reaches its own
 * caller only and the others are stored as if they had come alone. Why not a savepoint per plan:
 * refusals are rare (races and publishers' mistakes), while savepoints cost two more round trips
 * per plan in every batch and rule out batching the inserts across plans; the fallback costs only
 * when a refusal happens, and then no more than intake without group commit. A store that fails
 * (no connection, the database away) fails every plan of the batch at once: trying each alone
 * would only make every caller wait for the same failure.
 */
final class GroupCommit implements PlanWriter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    /** How often an idle committer looks whether the gateway is stopping. */
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /**
     * The lock order of a batch: plans of a saga in the order they came (a start before a report
     * to it), sagas in the order of their ids, so that two batches (of two instances, or intake
     * and delivery) never wait for each other's saga rows in a circle.
     */
    private static final Comparator<Pending> SAGA_ORDER = Comparator.comparing(p -> p.plan().sagaId(),
            Comparator.nullsFirst(Comparator.naturalOrder()));

    private final IntakeStore store;
    private final int maxBatch;
    private final long windowNanos;
    private final EventMetrics metrics;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Thread committer;
    private volatile boolean open = true;

    /**
     * @param maxBatch most plans per transaction; 1 turns group commit off (each plan stored on its caller's thread)
     * @param window how long a batch that is not full waits for more plans after its first; zero takes only what is queued
     */
    GroupCommit(IntakeStore store, int maxBatch, Duration window, EventMetrics metrics) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("dragoman.events.intake.batch-size must be at least 1 but was " + maxBatch);
        }
        if (window.isNegative()) {
            throw new IllegalArgumentException("dragoman.events.intake.window must not be negative but was " + window);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.maxBatch = maxBatch;
        this.windowNanos = window.toNanos();
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.committer = maxBatch == 1 ? null : DaemonThreads.named("dragoman-intake-commit").newThread(this::commitLoop);
        if (committer != null) {
            committer.start();
        }
    }

    @Override
    public Accepted write(EventPlan plan) {
        if (committer == null) {
            return store.write(plan);
        }
        if (!open) {
            throw new IllegalStateException("the gateway is stopping: the event was not stored");
        }
        Pending pending = new Pending(plan, new CompletableFuture<>());
        waiting.incrementAndGet();
        pending.answer().whenComplete((accepted, error) -> waiting.decrementAndGet());
        queue.add(pending);
        try {
            // not interruptible on purpose: once queued the plan may be committed, and its caller must hear how it went
            return pending.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void commitLoop() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (open) {
            try {
                Pending first = queue.poll(IDLE_NANOS, TimeUnit.NANOSECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - batch.size());
                long until = System.nanoTime() + windowNanos;
                while (batch.size() < maxBatch && windowNanos > 0) {
                    Pending next = queue.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    queue.drainTo(batch, maxBatch - batch.size());
                }
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable e) {
                // the committer must outlive anything a batch throws; its callers hear of it
                batch.forEach(pending -> pending.answer().completeExceptionally(e));
                log.error("Group commit of {} events failed", batch.size(), e);
            } finally {
                batch.clear();
            }
        }
        batch.forEach(pending -> pending.answer().completeExceptionally(new IllegalStateException("the gateway stopped: not stored")));
    }

    private void commit(List<Pending> batch) {
        if (batch.size() == 1) {
            // alone: the store's own transaction, which also turns a saga's refusal into its problem
            Pending alone = batch.get(0);
            long started = System.nanoTime();
            try {
                alone.answer().complete(store.write(alone.plan()));
                metrics.intakeBatch(1, System.nanoTime() - started);
            } catch (RuntimeException e) {
                alone.answer().completeExceptionally(e);
            }
            return;
        }
        batch.sort(SAGA_ORDER);
        long started = System.nanoTime();
        try {
            List<Accepted> answers = store.writeAll(batch.stream().map(Pending::plan).toList());
            metrics.intakeBatch(batch.size(), System.nanoTime() - started);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer().complete(answers.get(i));
            }
        } catch (RuntimeException e) {
            if (!refusedByOnePlan(e)) {
                batch.forEach(pending -> pending.answer().completeExceptionally(e));
                return;
            }
            metrics.intakeBatchAlone(batch.size());
            log.debug("A batch of {} events was refused ({}); storing them one by one", batch.size(), e.toString());
            for (Pending pending : batch) {
                try {
                    pending.answer().complete(store.write(pending.plan()));
                } catch (RuntimeException refused) {
                    pending.answer().completeExceptionally(refused);
                }
            }
        }
    }

    /**
     * Whether a failed batch may hold plans that store fine alone: a plan's own refusal (a
     * constraint, a saga's, a problem of the event), or a deadlock, which one plan alone does not
     * meet again. Other store failures (connections, the database away) would fail each alone too.
     */
    private static boolean refusedByOnePlan(RuntimeException e) {
        return !(e instanceof DataAccessException) || e instanceof DataIntegrityViolationException
                || e instanceof PessimisticLockingFailureException;
    }

    /** Plans handed to {@link #write} and not answered yet: queued, or in the batch being gathered or committed. */
    int waiting() {
        return waiting.get();
    }

    /**
     * Stops taking plans, lets the batch being committed finish (not interrupted: JDBC drivers may
     * close a connection or a file on an interrupt), and answers the plans still queued as not stored.
     */
    @Override
    public void close() throws InterruptedException {
        open = false;
        if (committer != null) {
            committer.join(TimeUnit.SECONDS.toMillis(30));
        }
        for (Pending pending; (pending = queue.poll()) != null; ) {
            pending.answer().completeExceptionally(new IllegalStateException("the gateway stopped: not stored"));
        }
    }

    private record Pending(EventPlan plan, CompletableFuture<Accepted> answer) {
    }
}
