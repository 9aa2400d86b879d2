package dev.dragoman.kit.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code dragoman_outbox} table. Writes join whatever transaction the caller runs in (the
 * service's, for {@link #insert}; the relay's own, for the rest). The SQL is portable between H2
 * and PostgreSQL.
 */
public class OutboxStore {

    private static final int ERROR_LENGTH = 2048;

    private final JdbcClient jdbc;

    public OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(OutboxEvent event, Instant now) {
        jdbc.sql("INSERT INTO dragoman_outbox (id, type, saga_id, deadline, data, status, attempts, next_attempt_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")
                .params(event.id(), event.type(), event.sagaId(), sql(event.deadline()), event.data(), sql(now), sql(event.createdAt()))
                .update();
    }

    /**
     * Takes up to {@code limit} due rows for this instance and moves their next attempt a lease
     * ahead, so that no other instance takes them while they are being sent, and a crashed
     * instance's rows are taken again once the lease runs out. Run it in a transaction.
     */
    public List<OutboxEvent> claimDue(Instant now, int limit, Duration lease) {
        // No ORDER BY: H2 locks every row it sorts, so one instance would lock the whole due set.
        List<OutboxEvent> due = jdbc.sql("SELECT id, type, saga_id, deadline, data, created_at, attempts FROM dragoman_outbox"
                        + " WHERE status = 'PENDING' AND next_attempt_at <= ? FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .param(sql(now))
                .query((rs, n) -> new OutboxEvent(rs.getString("id"), rs.getString("type"), rs.getString("saga_id"),
                        rs.getObject("deadline", OffsetDateTime.class).toInstant(), rs.getString("data"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("attempts")))
                .list();
        List<OutboxEvent> claimed = new ArrayList<>(due.size());
        for (OutboxEvent event : due) {
            jdbc.sql("UPDATE dragoman_outbox SET next_attempt_at = ? WHERE id = ?").params(sql(now.plus(lease)), event.id()).update();
            claimed.add(event);
        }
        return claimed;
    }

    /** Counts an attempt that is about to start. */
    public void attemptStarted(String id) {
        jdbc.sql("UPDATE dragoman_outbox SET attempts = attempts + 1 WHERE id = ? AND status = 'PENDING'").param(id).update();
    }

    /**
     * Finishes a pending row. Only one caller ever gets {@code true} for a row, which is what makes
     * the unsent hooks run once.
     */
    public boolean finish(String id, OutboxStatus status, String error, Instant now) {
        return jdbc.sql("UPDATE dragoman_outbox SET status = ?, last_error = ?, finished_at = ? WHERE id = ? AND status = 'PENDING'")
                .params(status.name(), truncate(error), sql(now), id).update() == 1;
    }

    public void retryAt(String id, Instant at, String error) {
        jdbc.sql("UPDATE dragoman_outbox SET next_attempt_at = ?, last_error = ? WHERE id = ? AND status = 'PENDING'")
                .params(sql(at), truncate(error), id).update();
    }

    /** A row as the relay left it, for tests and for a service's own admin pages. */
    public Optional<OutboxRow> find(String id) {
        return jdbc.sql("SELECT id, type, status, attempts, next_attempt_at, last_error FROM dragoman_outbox WHERE id = ?").param(id)
                .query((rs, n) -> new OutboxRow(rs.getString("id"), rs.getString("type"), OutboxStatus.valueOf(rs.getString("status")),
                        rs.getInt("attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(), rs.getString("last_error")))
                .optional();
    }

    /** How the relay left a row. */
    public record OutboxRow(String id, String type, OutboxStatus status, int attempts, Instant nextAttemptAt, String lastError) {
    }

    private static OffsetDateTime sql(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
    }
}
