package dev.dragoman.kit.autoconfigure;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one kind of pass (the outbox relay's, the deadline watchdog's) every interval on a thread
 * of its own, from start to shutdown. The kit's own thread rather than {@code @EnableScheduling},
 * which would switch on scheduling for the whole service; a pass that handled a full batch is
 * followed at once by the next, so a backlog drains.
 */
final class PassLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PassLoop.class);

    private final String name;
    private final IntSupplier pass;
    private final Duration interval;
    private final int batchSize;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private ScheduledExecutorService executor;

    /**
     * @param name the thread's name, also in the log when a pass fails
     * @param pass runs one pass and returns how many rows it handled
     */
    PassLoop(String name, IntSupplier pass, Duration interval, int batchSize) {
        this.name = name;
        this.pass = pass;
        this.interval = interval;
        this.batchSize = batchSize;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::drain, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs a pass now rather than at the next tick (a publisher's commit wakes the relay, so an
     * event goes out at once while the gateway is up). Wakes coalesce: however many come in
     * meanwhile, one pass is queued.
     */
    synchronized void wake() {
        if (executor != null && wakeQueued.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakeQueued.set(false);
                drain();
            });
        }
    }

    private void drain() {
        try {
            while (pass.getAsInt() >= batchSize && !Thread.currentThread().isInterrupted()) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next tick tries again.
            log.warn("Dragoman {} pass failed: {}", name, e.toString());
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
