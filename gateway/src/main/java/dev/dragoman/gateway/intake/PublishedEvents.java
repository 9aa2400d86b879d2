package dev.dragoman.gateway.intake;

import static dev.dragoman.gateway.outbox.Timestamps.instant;
import static dev.dragoman.gateway.outbox.Timestamps.sql;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The ledger of accepted events (table {@code published_event}): intake's memory of which source
 * and id it took, so that a publisher's retry is answered 202 again rather than delivered twice.
 * Its row is what an event's copies in the outbox hang from.
 */
public final class PublishedEvents {

    private final JdbcClient jdbc;

    public PublishedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an accepted event.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the same source and id were accepted before
     */
    public long insert(String source, String eventId, String type, String publisher, String sagaId, Instant deadline,
            Instant acceptedAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO published_event (source, event_id, type, publisher, saga_id, deadline, accepted_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(source, eventId, type, publisher, sagaId, sql(deadline), sql(acceptedAt))
                .update(keys, "id");
        return keys.getKey().longValue();
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
