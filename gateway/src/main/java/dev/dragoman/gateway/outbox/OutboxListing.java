package dev.dragoman.gateway.outbox;

import static dev.dragoman.gateway.outbox.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lists the outbox a page at a time, newest copy first, by keyset: a page is the copies with an id
 * below the cursor, so a page costs the same at the millionth copy as at the first, and copies
 * added meanwhile do not shift the pages already read. Served by the indexes on (status, id) and
 * (receiver, id).
 */
public final class OutboxListing {

    private static final String COLUMNS = "id, kind, event_source, event_id, type, saga_id, receiver, endpoint, status, attempts,"
            + " next_attempt_at, last_error, deadline, created_at, finished_at, resends";

    private final JdbcClient jdbc;
    private final EventStore store;

    public OutboxListing(JdbcClient jdbc, EventStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    public OutboxPage page(OutboxQuery query, Instant now) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!query.statuses().isEmpty() && query.statuses().size() < CopyStatus.values().length) {
            where.add(query.statuses().stream().sorted(Comparator.naturalOrder()).map(CopyStatus::condition)
                    .collect(Collectors.joining(" OR ", "(", ")")));
        }
        if (query.receiver() != null) {
            where.add("receiver = ?");
            params.add(query.receiver());
        }
        if (query.type() != null) {
            where.add("type = ?");
            params.add(query.type());
        }
        if (query.cursor() != null) {
            where.add("id < ?");
            params.add(query.cursor());
        }
        String sql = "SELECT " + COLUMNS + " FROM delivery" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY id DESC FETCH FIRST " + (query.limit() + 1) + " ROWS ONLY";
        List<OutboxCopy> found = jdbc.sql(sql).params(params).query(OutboxListing::copy).list();
        boolean more = found.size() > query.limit();
        List<OutboxCopy> copies = more ? List.copyOf(found.subList(0, query.limit())) : List.copyOf(found);
        EventStore.Depth depth = store.depth();
        Duration age = depth.oldestCreatedAt() == null ? null : nonNegative(Duration.between(depth.oldestCreatedAt(), now));
        return new OutboxPage(depth.pending(), age, copies, more ? copies.get(copies.size() - 1).id() : null);
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    static OutboxCopy copy(ResultSet rs, int n) throws SQLException {
        String lastError = rs.getString("last_error");
        return new OutboxCopy(rs.getLong("id"), rs.getString("kind"), rs.getString("event_source"), rs.getString("event_id"),
                rs.getString("type"), rs.getString("saga_id"), rs.getString("receiver"), rs.getString("endpoint"),
                CopyStatus.of(DeliveryStatus.valueOf(rs.getString("status")), lastError), rs.getInt("attempts"), instant(rs, "deadline"),
                instant(rs, "next_attempt_at"), lastError, instant(rs, "created_at"), instant(rs, "finished_at"), rs.getInt("resends"));
    }
}
