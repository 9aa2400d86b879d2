package dev.dragoman.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTests {

    final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(60));

    @Test
    void doublesFromTheFirstWait_withoutJitter() {
        assertThat(backoff.after(1, 0)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.after(2, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(3, 0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(8, 0)).isEqualTo(Duration.ofSeconds(60)).as("capped at max");
    }

    @Test
    void jitterTakesAtMostHalfOfTheWaitAway() {
        assertThat(backoff.after(3, 0.999)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(backoff.after(3, 0.5)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void manyAttemptsNeitherOverflowNorExceedTheCap() {
        assertThat(backoff.after(10_000, 0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(0, 0)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void refusesAFirstWaitThatIsNotPositive_orAMaxBelowIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .withMessage("first retry must be positive but was PT0S");
        assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .withMessage("max retry PT1S is shorter than the first retry PT2S");
    }
}
