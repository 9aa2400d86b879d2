package dev.dragoman.departments.product;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code demo.product.*}.
 *
 * @param warehouse what the warehouse answers to the orders that come, until PUT /warehouse changes it:
 *                  {@code in-stock} (reserve), {@code out-of-stock} (the step fails), or {@code ask} (each order waits,
 *                  at most until its deadline, for POST /warehouse/waiting/{sagaId} to answer it)
 */
@ConfigurationProperties("demo.product")
public record ProductProperties(@DefaultValue("in-stock") String warehouse) {

    public ProductProperties {
        Warehouse.Mode.of(warehouse); // a typo fails the start, naming the choices
    }
}
