package dev.dragoman.departments.product;

import dev.dragoman.kit.UnsentEvent;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The reservations table, and the one log line per reservation, release, failure and cancellation. */
public class Reservations {

    private static final Logger log = LoggerFactory.getLogger(Reservations.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    Reservations(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    void reserve(String sagaId, JsonNode items) {
        insert(sagaId, "reserved", items, null);
        log.info("Product: saga {}: reserved {}", sagaId, items);
    }

    void outOfStock(String sagaId, JsonNode items, Warehouse.Answer answer) {
        insert(sagaId, "out-of-stock", items, answer.reason());
        log.info("Product: saga {}: {} ({}): reporting product.out-of-stock", sagaId, items, answer.reason());
    }

    void release(String sagaId) {
        set(sagaId, "released", null);
        log.info("Product: saga {}: released the reservation", sagaId);
    }

    /** The kit gave up on a report: the saga cannot have counted on this department, so its side of the order ends here. */
    void reportNotDelivered(UnsentEvent event) {
        if (event.type().equals("product.out-of-stock")) {
            set(event.sagaId(), "cancelled", event.reason() + ": " + event.lastError());
            log.info("Product: saga {}: the product.out-of-stock report never reached Dragoman ({} after {} attempts, deadline {}): step cancelled",
                    event.sagaId(), event.reason(), event.attempts(), event.deadline());
        } else {
            log.info("Product: saga {}: the {} report never reached Dragoman ({} after {} attempts); the kit releases the reservation at the deadline {}",
                    event.sagaId(), event.type(), event.reason(), event.attempts(), event.deadline());
        }
    }

    private void insert(String sagaId, String status, JsonNode items, String reason) {
        jdbc.sql("INSERT INTO reservations (saga_id, status, items, reason, updated_at) VALUES (?, ?, ?, ?, ?)")
                .params(sagaId, status, String.valueOf(items), reason, now()).update();
    }

    private void set(String sagaId, String status, String reason) {
        jdbc.sql("UPDATE reservations SET status = ?, reason = COALESCE(?, reason), updated_at = ? WHERE saga_id = ?")
                .params(status, reason, now(), sagaId).update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    public List<Reservation> all() {
        return jdbc.sql("SELECT * FROM reservations ORDER BY updated_at").query((row, n) -> new Reservation(row.getString("saga_id"),
                row.getString("status"), json.readTree(row.getString("items")), row.getString("reason"),
                row.getObject("updated_at", OffsetDateTime.class).toInstant())).list();
    }
}
