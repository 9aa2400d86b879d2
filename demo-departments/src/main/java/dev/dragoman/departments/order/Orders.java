package dev.dragoman.departments.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The orders table, and the one log line per order placed, confirmed or cancelled. It knows nothing of the kit: the
 * saga's initiator bean calls it, so it cannot also depend on what the kit builds from that bean ({@link OrderPlacing} does).
 */
public class Orders {

    private static final Logger log = LoggerFactory.getLogger(Orders.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Orders(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Called in the transaction that publishes the order's saga start event. */
    Order insert(String id, List<Order.Item> items, long amount, Instant deadline) {
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO orders (id, status, items, amount, deadline, placed_at) VALUES (?, 'placed', ?, ?, ?, ?)")
                .params(id, json.writeValueAsString(items), amount, utc(deadline), utc(now)).update();
        log.info("Order {}: placed, amount {}, deadline {}; order.placed goes to Dragoman", id, amount, deadline);
        return find(id).orElseThrow();
    }

    void confirm(String id) {
        end(id, "confirmed");
        log.info("Order {}: confirmed (order.confirmed came before the deadline)", id);
    }

    /** Runs once: when order.cancelled comes, or when the deadline passes without order.confirmed. */
    void cancel(String id) {
        Order order = end(id, "cancelled");
        if (order != null && !clock.instant().isBefore(order.deadline())) {
            log.info("Order {}: cancelled on its own: no order.confirmed by the deadline {}", id, order.deadline());
        } else {
            log.info("Order {}: cancelled (order.cancelled came)", id);
        }
    }

    private Order end(String id, String status) {
        jdbc.sql("UPDATE orders SET status = ?, ended_at = ? WHERE id = ?").params(status, utc(clock.instant()), id).update();
        return find(id).orElse(null);
    }

    public Optional<Order> find(String id) {
        return jdbc.sql("SELECT * FROM orders WHERE id = ?").param(id).query(this::order).optional();
    }

    public List<Order> all() {
        return jdbc.sql("SELECT * FROM orders ORDER BY placed_at").query(this::order).list();
    }

    private Order order(ResultSet row, int n) throws SQLException {
        OffsetDateTime ended = row.getObject("ended_at", OffsetDateTime.class);
        return new Order(row.getString("id"), row.getString("status"),
                json.readValue(row.getString("items"), new TypeReference<List<Order.Item>>() { }), row.getLong("amount"),
                row.getObject("deadline", OffsetDateTime.class).toInstant(), row.getObject("placed_at", OffsetDateTime.class).toInstant(),
                ended == null ? null : ended.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
