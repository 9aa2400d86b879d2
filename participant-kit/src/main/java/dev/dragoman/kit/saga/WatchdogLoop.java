package dev.dragoman.kit.saga;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the deadline watchdog every interval on a thread of its own, from start to shutdown, as the
 * relay runs: the kit's own thread rather than {@code @EnableScheduling}, which would switch on
 * scheduling for the whole service. A pass that found a full batch is followed at once by the next.
 */
public class WatchdogLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WatchdogLoop.class);

    private final DeadlineWatchdog watchdog;
    private final Duration interval;
    private final int batchSize;
    private ScheduledExecutorService executor;

    public WatchdogLoop(DeadlineWatchdog watchdog, Duration interval, int batchSize) {
        this.watchdog = watchdog;
        this.interval = interval;
        this.batchSize = batchSize;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dragoman-kit-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::drain, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void drain() {
        try {
            while (watchdog.runOnce() >= batchSize && !Thread.currentThread().isInterrupted()) {
                // a full batch: more may be overdue
            }
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next tick tries again.
            log.warn("Dragoman deadline watchdog pass failed: {}", e.toString());
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
