package dev.dragoman.departments.product;

import dev.dragoman.kit.SagaStep;
import dev.dragoman.kit.StepResult;
import dev.dragoman.kit.UnsentEvent;
import dev.dragoman.kit.UnsentEventHandler;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * The product department: a step of the saga {@code order-placement}. On its copy of {@code order.placed} (in its
 * own skus) it asks its warehouse, then reserves the skus and reports {@code product.reserved}, or reports
 * {@code product.out-of-stock}. Its compensation, {@code product.release}, releases the reservation. A report that
 * never reaches Dragoman by the deadline cancels the department's side of the order.
 */
@Configuration(proxyBeanMethods = false)
@Profile("product")
@EnableConfigurationProperties(ProductProperties.class)
@Import({Warehouse.class, Reservations.class, ProductController.class})
public class ProductDepartment {

    @Bean
    SagaStep reserve(Warehouse warehouse, Reservations reservations) {
        return SagaStep.on("order.placed")
                .reports("product.reserved", "product.out-of-stock")
                .outcomes("order.confirmed", "order.cancelled")
                .compensation("product.release")
                .handle(order -> {
                    Warehouse.Answer answer = warehouse.ask(order.sagaId(), order.data().get("items"), order.deadline());
                    if (answer == Warehouse.Answer.IN_STOCK) {
                        reservations.reserve(order.sagaId(), order.data().get("items"));
                        return StepResult.completed(Map.of("items", order.data().get("items")));
                    }
                    reservations.outOfStock(order.sagaId(), order.data().get("items"), answer);
                    return StepResult.failed(Map.of("items", order.data().get("items"), "reason", answer.reason()));
                })
                .compensate((sagaId, release) -> reservations.release(sagaId));
    }

    @Bean
    UnsentEventHandler unsentProductReports(Reservations reservations) {
        return (UnsentEvent event) -> reservations.reportNotDelivered(event);
    }
}
