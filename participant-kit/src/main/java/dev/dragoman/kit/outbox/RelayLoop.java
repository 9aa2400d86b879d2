package dev.dragoman.kit.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the relay every interval on a thread of its own, from start to shutdown. The kit's own
 * thread rather than {@code @EnableScheduling}, which would switch on scheduling for the whole
 * service; a pass that claimed a full batch is followed at once by the next, so a backlog drains.
 */
public class RelayLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelayLoop.class);

    private final OutboxRelay relay;
    private final Duration interval;
    private final int batchSize;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private ScheduledExecutorService executor;

    public RelayLoop(OutboxRelay relay, Duration interval, int batchSize) {
        this.relay = relay;
        this.interval = interval;
        this.batchSize = batchSize;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dragoman-kit-relay");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::drain, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs a pass now rather than at the next tick: a publisher calls it once its transaction
     * committed, so an event goes out while the gateway is up without waiting an interval.
     * Wakes coalesce: however many commits come in meanwhile, one pass is queued.
     */
    public synchronized void wake() {
        if (executor != null && wakeQueued.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakeQueued.set(false);
                drain();
            });
        }
    }

    private void drain() {
        try {
            while (relay.runOnce() >= batchSize && !Thread.currentThread().isInterrupted()) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next tick tries again.
            log.warn("Dragoman outbox relay pass failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
