package dev.dragoman.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant FAR = NOW.plusSeconds(86400);
    /** Takes nothing away, so the waits are the schedule itself. */
    private static final RandomGenerator NO_JITTER = () -> 0L;

    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofMinutes(1), NO_JITTER);

    @Test
    void theWaitDoublesAfterEachFailedAttemptUpToTheMaximum() {
        assertThat(backoff.nextAttempt(NOW, 1, null, FAR)).isEqualTo(NOW.plusMillis(500));
        assertThat(backoff.nextAttempt(NOW, 2, null, FAR)).isEqualTo(NOW.plusMillis(1000));
        assertThat(backoff.nextAttempt(NOW, 5, null, FAR)).isEqualTo(NOW.plusMillis(8000));
        assertThat(backoff.nextAttempt(NOW, 8, null, FAR)).isEqualTo(NOW.plusMillis(60000));
        assertThat(backoff.nextAttempt(NOW, 1000, null, FAR)).isEqualTo(NOW.plusMillis(60000));
    }

    @Test
    void jitterTakesAtMostHalfOfTheWaitAway() {
        Backoff jittered = new Backoff(Duration.ofMillis(500), Duration.ofMinutes(1), RandomGenerator.getDefault());
        for (int i = 0; i < 1000; i++) {
            assertThat(jittered.nextAttempt(NOW, 3, null, FAR)).isBetween(NOW.plusMillis(1000), NOW.plusMillis(2000));
        }
    }

    @Test
    void aLongerRetryAfterWinsAndAShorterOneDoesNot() {
        assertThat(backoff.nextAttempt(NOW, 1, Duration.ofSeconds(30), FAR)).isEqualTo(NOW.plusSeconds(30));
        assertThat(backoff.nextAttempt(NOW, 8, Duration.ofSeconds(1), FAR)).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void noAttemptIsScheduledPastTheDeadline() {
        assertThat(backoff.nextAttempt(NOW, 8, Duration.ofHours(1), NOW.plusSeconds(10))).isEqualTo(NOW.plusSeconds(10));
    }
}
