package dev.dragoman.departments.order;

import dev.dragoman.kit.SagaInitiator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * The order department: the initiator of the saga {@code order-placement} (context-maps/orders.yaml). It places an
 * order and publishes {@code order.placed} in one transaction; the order is confirmed when {@code order.confirmed}
 * comes before the deadline, and cancelled otherwise, on its own when no outcome comes at all.
 */
@Configuration(proxyBeanMethods = false)
@Profile("order")
@EnableConfigurationProperties(OrderProperties.class)
@Import({Orders.class, OrderPlacing.class, OrderController.class})
public class OrderDepartment {

    @Bean
    SagaInitiator orderPlacement(Orders orders) {
        return SagaInitiator.of(OrderPlacing.PLACED)
                .outcomes("order.confirmed", "order.cancelled")
                .onConfirmed((sagaId, order) -> orders.confirm(sagaId))
                .onNotConfirmed((sagaId, order) -> orders.cancel(sagaId));
    }
}
