package dev.dragoman.gateway.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one task on its own daemon thread every interval, and at once when woken (several wakes
 * before it runs are one run). Starts and stops with the application.
 */
public final class PollingLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);
    /** How long a stop lets the current run finish before interrupting it. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final String name;
    private final Duration interval;
    private final Runnable task;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService scheduler;
    private volatile Instant failingSince;
    private volatile boolean stopping;

    public PollingLoop(String name, Duration interval, Runnable task) {
        this.name = Objects.requireNonNull(name, "name");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.task = Objects.requireNonNull(task, "task");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval of " + name + " must be positive but was " + interval);
        }
    }

    /** Runs the task now rather than at the next tick. */
    public void wake() {
        ScheduledExecutorService current = scheduler;
        if (current != null && wakeQueued.compareAndSet(false, true)) {
            try {
                current.execute(this::run);
            } catch (RejectedExecutionException stopped) {
                // woken while stopping: the next start runs the task anyway
            }
        }
    }

    private void run() {
        wakeQueued.set(false);
        try {
            task.run();
            if (failingSince != null) {
                log.info("{} works again, after failing since {}", name, failingSince);
                failingSince = null;
            }
        } catch (RuntimeException e) {
            if (stopping) {
                // Interrupted by the application's stop (a database connection being acquired,
                // say): not a failure, and the next start runs the task again.
                log.debug("{} ended by the stop: {}", name, e.toString());
                return;
            }
            // A periodic task that throws is never run again by the executor: keep it alive. A
            // database outage fails every tick: say so once with the cause, not five times a second.
            if (failingSince == null) {
                failingSince = Instant.now();
                log.error("{} failed; it runs again every {} until it works", name, interval, e);
            } else {
                log.debug("{} still failing: {}", name, e.toString());
            }
        }
    }

    @Override
    public void start() {
        stopping = false;
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(name));
        started.scheduleWithFixedDelay(this::run, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = scheduler;
        scheduler = null;
        if (current != null) {
            stopping = true;
            // The run under way finishes (its marks committed) before anything is interrupted.
            current.shutdown();
            try {
                if (!current.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    current.shutdownNow();
                }
            } catch (InterruptedException e) {
                current.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public String toString() {
        return "PollingLoop[" + name + ", every " + interval + "]";
    }
}
