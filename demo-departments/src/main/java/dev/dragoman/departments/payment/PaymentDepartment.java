package dev.dragoman.departments.payment;

import dev.dragoman.kit.SagaStep;
import dev.dragoman.kit.StepResult;
import dev.dragoman.kit.UnsentEventHandler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * The payment department: a step of the saga {@code order-placement}. On its copy of {@code order.placed} it
 * captures the amount (+amount in its ledger) and reports {@code payment.captured}; its compensation,
 * {@code payment.refund}, gets the amount negated and writes it as it comes (-amount), whether Dragoman sent it or
 * the kit ran it on its own at the deadline.
 */
@Configuration(proxyBeanMethods = false)
@Profile("payment")
@Import({Ledger.class, LedgerController.class})
public class PaymentDepartment {

    private static final Logger log = LoggerFactory.getLogger(PaymentDepartment.class);

    @Bean
    SagaStep capture(Ledger ledger) {
        return SagaStep.on("order.placed")
                .reports("payment.captured", "payment.declined")
                .outcomes("order.confirmed", "order.cancelled")
                .compensation("payment.refund", "$.amount")
                .handle(order -> {
                    long amount = order.data().path("amount").asLong(0);
                    if (amount < 1) {
                        log.info("Payment: saga {}: declined, the order has no amount to capture", order.sagaId());
                        return StepResult.failed(Map.of("reason", "no amount to capture"));
                    }
                    ledger.capture(order.sagaId(), amount, order.deadline());
                    return StepResult.completed(Map.of("amount", amount));
                })
                .compensate((sagaId, refund) -> ledger.refund(sagaId, refund.get("amount").asLong()));
    }

    /** Nothing to undo here: a capture whose report never reached Dragoman is refunded by the kit at the deadline. */
    @Bean
    UnsentEventHandler unsentPaymentReports() {
        return event -> log.info("Payment: saga {}: {} never reached Dragoman ({}, {}); the kit refunds at the deadline {}",
                event.sagaId(), event.type(), event.reason(), event.lastError(), event.deadline());
    }
}
