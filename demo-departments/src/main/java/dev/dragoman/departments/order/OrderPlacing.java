package dev.dragoman.departments.order;

import dev.dragoman.kit.DragomanSagas;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;

/** Places an order: the order and its saga's start event commit together, no order without its event and no event without its order. */
public class OrderPlacing {

    static final String PLACED = "order.placed";

    private final Orders orders;
    private final DragomanSagas sagas;
    private final Clock clock;
    private final OrderProperties properties;

    OrderPlacing(Orders orders, DragomanSagas sagas, Clock clock, OrderProperties properties) {
        this.orders = orders;
        this.sagas = sagas;
        this.clock = clock;
        this.properties = properties;
    }

    @Transactional
    public Order place(List<Order.Item> items, long amount) {
        // Microseconds, as the gateway and the kit keep instants: one deadline reads the same everywhere.
        Instant deadline = clock.instant().plus(properties.deadline()).truncatedTo(ChronoUnit.MICROS);
        String id = sagas.start(PLACED, Map.of("items", items, "amount", amount), deadline);
        return orders.insert(id, items, amount, deadline);
    }
}
