package dev.dragoman.gateway.intake;

import static dev.dragoman.gateway.outbox.Timestamps.instant;
import static dev.dragoman.gateway.outbox.Timestamps.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The ledger of accepted events (table {@code published_event}): intake's memory of which source
 * and id it took, so that a publisher's retry is answered 202 again rather than delivered twice.
 * Its row is what an event's copies in the outbox hang from.
 */
public final class PublishedEvents {

    private static final String INSERT = "INSERT INTO published_event (source, event_id, type, publisher, saga_id, deadline, accepted_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    /** The same connections, for the JDBC batch of {@link #insertAll}, which JdbcClient does not offer. */
    private final JdbcOperations batches;

    public PublishedEvents(JdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batches = jdbc;
    }

    /**
     * Records an accepted event.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the same source and id were accepted before
     */
    public long insert(String source, String eventId, String type, String publisher, String sagaId, Instant deadline,
            Instant acceptedAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(INSERT).params(source, eventId, type, publisher, sagaId, sql(deadline), sql(acceptedAt)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Records several accepted events in one JDBC batch.
     *
     * @return each one's row id, in order
     * @throws org.springframework.dao.DuplicateKeyException when any of them was accepted before, or two of them are the same
     */
    public List<Long> insertAll(List<Row> rows) {
        KeyHolder keys = new GeneratedKeyHolder();
        batches.batchUpdate(connection -> connection.prepareStatement(INSERT, new String[] {"id"}), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Row row = rows.get(i);
                Object[] values = {row.source(), row.eventId(), row.type(), row.publisher(), row.sagaId(), sql(row.deadline()),
                    sql(row.acceptedAt())};
                for (int column = 0; column < values.length; column++) {
                    StatementCreatorUtils.setParameterValue(ps, column + 1, SqlTypeValue.TYPE_UNKNOWN, values[column]);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        }, keys);
        List<Long> ids = new ArrayList<>(rows.size());
        for (Map<String, Object> key : keys.getKeyList()) {
            ids.add(((Number) key.values().iterator().next()).longValue());
        }
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("the store returned " + ids.size() + " ids for " + rows.size() + " accepted events");
        }
        return ids;
    }

    /** An accepted event, as {@link #insertAll} records it. */
    public record Row(String source, String eventId, String type, String publisher, String sagaId, Instant deadline, Instant acceptedAt) {
    }

    public Optional<Published> find(String source, String eventId) {
        return jdbc.sql("SELECT type, publisher, saga_id, deadline, accepted_at FROM published_event WHERE source = ? AND event_id = ?")
                .params(source, eventId)
                .query((rs, n) -> new Published(source, eventId, rs.getString("type"), rs.getString("publisher"), rs.getString("saga_id"),
                        instant(rs, "deadline"), instant(rs, "accepted_at")))
                .optional();
    }

    /** An accepted event. */
    public record Published(String source, String eventId, String type, String publisher, String sagaId, Instant deadline,
            Instant acceptedAt) {
    }
}
