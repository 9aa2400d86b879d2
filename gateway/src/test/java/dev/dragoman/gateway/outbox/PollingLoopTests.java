package dev.dragoman.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A stop lets the run under way finish: its marks are committed, and nothing logs a failure. */
class PollingLoopTests {

    @Test
    void aStopWaitsForTheRunUnderWay_insteadOfInterruptingIt() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        PollingLoop loop = new PollingLoop("test-loop", Duration.ofHours(1), () -> {
            running.countDown();
            try {
                release.await();
                finished.set(true);
            } catch (InterruptedException e) {
                interrupted.set(true);
                Thread.currentThread().interrupt();
            }
        });
        loop.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stop = CompletableFuture.runAsync(loop::stop);
        await().atMost(Duration.ofSeconds(10)).until(() -> !loop.isRunning());
        assertThat(stop).isNotDone();
        release.countDown();
        stop.get(10, TimeUnit.SECONDS);

        assertThat(finished).isTrue();
        assertThat(interrupted).isFalse();
    }

    @Test
    void aWakeWhileStopping_isIgnored() {
        PollingLoop loop = new PollingLoop("test-loop", Duration.ofHours(1), () -> { });
        loop.start();
        loop.stop();
        loop.wake();
        assertThat(loop.isRunning()).isFalse();
    }
}
