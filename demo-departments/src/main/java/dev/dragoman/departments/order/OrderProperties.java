package dev.dragoman.departments.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code demo.order.*}.
 *
 * @param deadline how long after placing an order its saga has to end confirmed; the order is cancelled on its own
 *                 when {@code order.confirmed} has not come by then
 */
@ConfigurationProperties("demo.order")
public record OrderProperties(@DefaultValue("PT1M") Duration deadline) {

    public OrderProperties {
        if (deadline.isZero() || deadline.isNegative()) {
            throw new IllegalArgumentException("demo.order.deadline must be a positive duration, not " + deadline);
        }
    }
}
