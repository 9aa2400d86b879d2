package dev.dragoman.kit.testservice;

import dev.dragoman.kit.DragomanSagas;
import dev.dragoman.kit.SagaInitiator;
import dev.dragoman.kit.SagaStep;
import dev.dragoman.kit.StepResult;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department that takes part in sagas through the kit, as its users write one: a payment step
 * (capture on {@code payment.requested}, refund as its compensation) and, as an initiator, the
 * orders it places (cancelled on their own when not confirmed). Everything it does goes into its
 * ledger, so a test sees what committed and how often.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SagaService.Orders.class)
public class SagaService {

    /** Amounts above this are declined: the step fails. */
    public static final long LIMIT = 50_000;

    @Bean
    MovableClock clock() {
        return new MovableClock(PaymentService.START);
    }

    @Bean
    SagaStep capture(JdbcClient jdbc) {
        return SagaStep.on("payment.requested")
                .reports("payment.captured", "payment.declined")
                .outcomes("order.confirmed", "order.cancelled")
                .compensation("payment.refund", "$.amount")
                .handle(request -> {
                    long amount = request.data().get("amount").asLong();
                    String order = request.data().get("order").asString();
                    if (amount > LIMIT) {
                        return StepResult.failed(Map.of("order", order, "reason", "over the limit of " + LIMIT));
                    }
                    ledger(jdbc, "capture", amount, request.sagaId());
                    return StepResult.completed(Map.of("order", order, "amount", amount));
                })
                .compensate((sagaId, refund) -> ledger(jdbc, "refund", refund.get("amount").asLong(), sagaId));
    }

    /** As users write it: the callbacks go to the same Orders that starts the saga (a cycle the kit must not trip on). */
    @Bean
    SagaInitiator placement(Orders orders) {
        return SagaInitiator.of("order.placed")
                .outcomes("order.confirmed", "order.cancelled")
                .onConfirmed((sagaId, order) -> orders.confirmed(sagaId, order.get("amount").asLong()))
                .onNotConfirmed((sagaId, order) -> orders.cancelled(sagaId, order.get("amount").asLong()));
    }

    static void ledger(JdbcClient jdbc, String kind, long amount, String reference) {
        jdbc.sql("INSERT INTO ledger (entry_id, kind, amount, reference) VALUES (?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), kind, amount, reference).update();
    }

    /** The initiator's work: an order and its saga's start event, in one transaction. */
    @Component
    public static class Orders {

        private final JdbcClient jdbc;
        private final DragomanSagas sagas;

        public Orders(JdbcClient jdbc, DragomanSagas sagas) {
            this.jdbc = jdbc;
            this.sagas = sagas;
        }

        @Transactional
        public String place(long amount, Instant deadline) {
            String sagaId = sagas.start("order.placed", Map.of("amount", amount), deadline);
            ledger(jdbc, "order", amount, sagaId);
            return sagaId;
        }

        void confirmed(String sagaId, long amount) {
            ledger(jdbc, "order-confirmed", amount, sagaId);
        }

        void cancelled(String sagaId, long amount) {
            ledger(jdbc, "order-cancelled", amount, sagaId);
        }
    }
}
