package dev.dragoman.departments.order;

import java.time.Instant;
import java.util.List;

/**
 * An order as GET /orders/{id} shows it; its id is its saga's id.
 *
 * @param status  {@code placed} until the saga ends, then {@code confirmed} or {@code cancelled}
 * @param endedAt when it was confirmed or cancelled
 */
public record Order(String id, String status, List<Item> items, long amount, Instant deadline, Instant placedAt, Instant endedAt) {

    /** A line of an order, in the order department's own skus (GX-1001). */
    public record Item(String sku, int quantity) {
    }

    /** What POST /orders takes. */
    public record Request(List<Item> items, Long amount) {
    }
}
