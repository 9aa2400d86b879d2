package dev.dragoman.departments.product;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * What the product department did for one saga, as GET /reservations shows it.
 *
 * @param status {@code reserved}, {@code released} (compensated), {@code out-of-stock} (the step failed and its
 *               report is on its way) or {@code cancelled} (its report never reached Dragoman by the deadline)
 * @param items  the order's lines in the product department's own skus, 
 */
public record Reservation(String sagaId, String status, JsonNode items, String reason, Instant at) {
}
