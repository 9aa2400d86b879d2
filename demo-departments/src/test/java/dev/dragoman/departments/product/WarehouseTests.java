package dev.dragoman.departments.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The demo's switch: the warehouse answers at once, or an order waits for someone's answer, at most until its deadline. */
class WarehouseTests {

    private static final Instant NOW = Instant.parse("2026-12-01T13:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void answersAtOnceInItsFixedModes() throws InterruptedException {
        Warehouse warehouse = new Warehouse(CLOCK, new ProductProperties("in-stock"));
        assertThat(warehouse.ask("saga-1", null, NOW.plusSeconds(60))).isEqualTo(Warehouse.Answer.IN_STOCK);

        warehouse.switchTo(Warehouse.Mode.of("out-of-stock"));
        assertThat(warehouse.ask("saga-2", null, NOW.plusSeconds(60))).isEqualTo(Warehouse.Answer.OUT_OF_STOCK);
    }

    @Test
    void inAskMode_anOrderWaitsForItsAnswer() {
        Warehouse warehouse = new Warehouse(Clock.systemUTC(), new ProductProperties("ask"));
        CompletableFuture<Warehouse.Answer> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return warehouse.ask("saga-1", JsonMapper.builder().build().readTree("[{\"sku\":501}]"), Instant.now().plusSeconds(60));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> warehouse.waiting().contains("saga-1"));
        assertThat(warehouse.answer("saga-2", Warehouse.Answer.IN_STOCK)).as("an answer for a saga nobody waits for").isFalse();

        assertThat(warehouse.answer("saga-1", Warehouse.Answer.OUT_OF_STOCK)).isTrue();

        assertThat(answer.join()).isEqualTo(Warehouse.Answer.OUT_OF_STOCK);
        await().atMost(Duration.ofSeconds(10)).until(() -> warehouse.waiting().isEmpty());
    }

    @Test
    void inAskMode_theWaitEndsAtTheDeadline() throws InterruptedException {
        Warehouse warehouse = new Warehouse(CLOCK, new ProductProperties("ask"));

        assertThat(warehouse.ask("saga-1", null, NOW)).isEqualTo(Warehouse.Answer.NO_ANSWER);
        assertThat(warehouse.waiting()).isEmpty();
    }

    @Test
    void aTypoInTheSwitchIsRefused_namingTheChoices() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ProductProperties("in stock"))
                .withMessage("the warehouse mode is one of [in-stock, out-of-stock, ask], not 'in stock'");
        assertThatIllegalArgumentException().isThrownBy(() -> Warehouse.Answer.of("maybe"))
                .withMessage("the warehouse answers in-stock or out-of-stock, not 'maybe'");
    }
}
