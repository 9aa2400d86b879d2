package dev.dragoman.kit.saga;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code dragoman_saga_step} table: one row per saga step this service completed, failed or
 * rolled back, and per saga it started, keyed by (sagaid, step). Writes join the caller's
 * transaction; {@link #lock} takes the row lock that orders an outcome, a compensation and the
 * watchdog on one step, so the rollback runs once however they race.
 */
public class SagaStepStore {

    /** Which side of the saga a row is. */
    public enum Role { PARTICIPANT, INITIATOR }

    public enum Status { COMPLETED, CONFIRMED, COMPENSATED, FAILED }

    /**
     * @param data          the step's completed data (a participant) or the start event's data (the initiator), as JSON;
     *                      {@code null} for a row that records a rollback of a step never run here
     * @param compensatedAt when it was rolled back, or {@code null}
     */
    public record StepRow(String sagaId, String step, Role role, Status status, Instant deadline, String data, Instant compensatedAt) {
    }

    /** A row to look at: the watchdog locks and re-reads it in a transaction of its own. */
    public record StepKey(String sagaId, String step) {
    }

    private static final String COLUMNS = "saga_id, step, role, status, deadline, data, compensated_at";

    private final JdbcClient jdbc;

    public SagaStepStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(StepRow row, Instant now) {
        jdbc.sql("INSERT INTO dragoman_saga_step (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row.sagaId(), row.step(), row.role().name(), row.status().name(), sql(row.deadline()), row.data(),
                        row.compensatedAt() == null ? null : sql(row.compensatedAt()), sql(now))
                .update();
    }

    /** The row, locked until the caller's transaction ends. */
    public Optional<StepRow> lock(String sagaId, String step) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dragoman_saga_step WHERE saga_id = ? AND step = ? FOR UPDATE")
                .params(sagaId, step).query((rs, n) -> row(rs)).optional();
    }

    public Optional<StepRow> find(String sagaId, String step) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dragoman_saga_step WHERE saga_id = ? AND step = ?")
                .params(sagaId, step).query((rs, n) -> row(rs)).optional();
    }

    public void confirm(String sagaId, String step, Instant now) {
        jdbc.sql("UPDATE dragoman_saga_step SET status = 'CONFIRMED', updated_at = ? WHERE saga_id = ? AND step = ?")
                .params(sql(now), sagaId, step).update();
    }

    public void compensated(String sagaId, String step, Instant now) {
        jdbc.sql("UPDATE dragoman_saga_step SET status = 'COMPENSATED', compensated_at = ?, updated_at = ? WHERE saga_id = ? AND step = ?")
                .params(sql(now), sql(now), sagaId, step).update();
    }

    /** Completed steps whose deadline has come, nearest deadline first. Read without locks: the watchdog locks each one. */
    public List<StepKey> overdue(Instant now, int limit) {
        return jdbc.sql("SELECT saga_id, step FROM dragoman_saga_step WHERE status = 'COMPLETED' AND deadline <= ?"
                        + " ORDER BY deadline FETCH FIRST " + limit + " ROWS ONLY")
                .param(sql(now)).query((rs, n) -> new StepKey(rs.getString("saga_id"), rs.getString("step"))).list();
    }

    private static StepRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime compensatedAt = rs.getObject("compensated_at", OffsetDateTime.class);
        return new StepRow(rs.getString("saga_id"), rs.getString("step"), Role.valueOf(rs.getString("role")),
                Status.valueOf(rs.getString("status")), rs.getObject("deadline", OffsetDateTime.class).toInstant(), rs.getString("data"),
                compensatedAt == null ? null : compensatedAt.toInstant());
    }

    private static OffsetDateTime sql(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
