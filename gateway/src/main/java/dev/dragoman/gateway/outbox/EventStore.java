package dev.dragoman.gateway.outbox;

import static dev.dragoman.gateway.outbox.Timestamps.instant;
import static dev.dragoman.gateway.outbox.Timestamps.sql;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox, in SQL that runs on H2 and PostgreSQL alike. Callers run
 * these in their own transactions; claiming due work uses {@code FOR UPDATE SKIP LOCKED}, so
 * that instances sharing a database never take the same row.
 */
public final class EventStore {

    private static final String DELIVERY_COLUMNS = "id, kind, event_source, event_id, type, saga_id, receiver, endpoint, status, attempts,"
            + " next_attempt_at, last_error, deadline, created_at, finished_at";

    private static final String INSERT = "INSERT INTO delivery (published_id, kind, event_source, event_id, type, saga_id, receiver,"
            + " endpoint, payload, deadline, status, attempts, next_attempt_at, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)";
    private static final String FINISH = "UPDATE delivery SET status = ?, last_error = ?, finished_at = ? WHERE id = ? AND status = 'PENDING'";

    private final JdbcClient jdbc;
    /** The same connections, for JDBC batches (group commit: many rows, one round trip), which JdbcClient does not offer. */
    private final JdbcOperations batches;

    public EventStore(JdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batches = jdbc;
    }

    public void enqueue(Long publishedId, OutboxEntry entry, Instant now) {
        jdbc.sql(INSERT).params(insertParams(publishedId, entry, now)).update();
    }

    /** {@link #enqueue} for copies of several events, in one JDBC batch. */
    public void enqueueAll(List<NewCopy> copies) {
        if (!copies.isEmpty()) {
            batches.batchUpdate(INSERT, copies.stream().map(copy -> insertParams(copy.publishedId(), copy.entry(), copy.now())).toList());
        }
    }

    /** A copy for {@link #enqueueAll}: its event's ledger row, and when that event was accepted. */
    public record NewCopy(Long publishedId, OutboxEntry entry, Instant now) {
    }

    private static Object[] insertParams(Long publishedId, OutboxEntry entry, Instant now) {
        return new Object[] {publishedId, entry.kind(), entry.source(), entry.eventId(), entry.type(), entry.sagaId(), entry.receiver(),
            entry.endpoint(), new String(entry.payload(), StandardCharsets.UTF_8), sql(entry.deadline()), sql(now), sql(now)};
    }

    /**
     * Takes up to {@code limit} due copies for this instance. Those whose deadline has come are
     * expired here and then; the others' next attempt moves a lease ahead, so that no other
     * instance takes them while they are being sent, and so that a crashed instance's copies are
     * taken again once the lease runs out.
     */
    public Claim claimDue(Instant now, int limit, Duration lease) {
        // No ORDER BY: H2 locks every row it sorts, so one instance's claim would lock the whole due
        // set and the others would skip it all. The scan of the index on (status, next_attempt_at)
        // meets the due rows oldest first anyway.
        List<Claimed> due = jdbc.sql("SELECT id, kind, receiver, endpoint, type, event_id, saga_id, payload, deadline, attempts FROM delivery"
                        + " WHERE status = 'PENDING' AND next_attempt_at <= ? FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .param(sql(now))
                .query((rs, n) -> new Claimed(rs.getLong("id"), rs.getString("receiver"), rs.getString("endpoint"), rs.getString("type"),
                        rs.getString("event_id"), rs.getString("saga_id"),
                        rs.getString("payload").getBytes(StandardCharsets.UTF_8), instant(rs, "deadline"), rs.getInt("attempts") + 1,
                        rs.getString("kind")))
                .list();
        List<Claimed> toSend = new ArrayList<>();
        List<Claimed> expired = new ArrayList<>();
        for (Claimed claimed : due) {
            (now.isBefore(claimed.deadline()) ? toSend : expired).add(claimed);
        }
        // One JDBC batch for the leases and one for the expiries: a claim is two round trips, not one per copy.
        if (!toSend.isEmpty()) {
            batches.batchUpdate("UPDATE delivery SET next_attempt_at = ?, attempts = attempts + 1 WHERE id = ?",
                    toSend.stream().map(claimed -> new Object[] {sql(now.plus(lease)), claimed.id()}).toList());
        }
        finishAll(expired.stream().map(claimed -> new Finish(claimed.id(), DeliveryStatus.EXPIRED, expiredBecause(claimed), now)).toList());
        return new Claim(toSend, expired);
    }

    /**
     * Records a copy finished, unless it is already (another instance, whose lease on it ran out,
     * finished it first).
     *
     * @return whether this call finished it
     */
    public boolean finish(long id, DeliveryStatus status, String error, Instant now) {
        return jdbc.sql(FINISH).params(status.name(), truncate(error), sql(now), id).update() == 1;
    }

    /**
     * {@link #finish} for several copies in one JDBC batch.
     *
     * @return for each, in order, whether this call finished it
     */
    public boolean[] finishAll(List<Finish> finishes) {
        boolean[] finished = new boolean[finishes.size()];
        if (finishes.isEmpty()) {
            return finished;
        }
        int[] counts = batches.batchUpdate(FINISH, finishes.stream()
                .map(f -> new Object[] {f.status().name(), truncate(f.error()), sql(f.at()), f.id()}).toList());
        for (int i = 0; i < counts.length; i++) {
            finished[i] = counts[i] == 1;
        }
        return finished;
    }

    /** How {@link #finishAll} is to finish one copy, and when. */
    public record Finish(long id, DeliveryStatus status, String error, Instant at) {
    }

    public void retryAt(long id, Instant at, String error) {
        jdbc.sql("UPDATE delivery SET next_attempt_at = ?, last_error = ? WHERE id = ? AND status = 'PENDING'")
                .params(sql(at), truncate(error), id).update();
    }

    /** Why a claimed copy expired, as its record says. */
    public static String expiredBecause(Claimed copy) {
        return "deadline " + copy.deadline() + " passed after " + (copy.attempt() - 1) + " attempts";
    }

    /** How many copies wait, and since when the oldest of them does. */
    public Depth depth() {
        return jdbc.sql("SELECT COUNT(*) AS pending, MIN(created_at) AS oldest FROM delivery WHERE status = 'PENDING'")
                .query((rs, n) -> new Depth(rs.getLong("pending"), instant(rs, "oldest"))).single();
    }

    public List<DeliveryRecord> deliveriesOfEvent(String source, String eventId) {
        return jdbc.sql("SELECT " + DELIVERY_COLUMNS + " FROM delivery WHERE event_source = ? AND event_id = ? ORDER BY id")
                .params(source, eventId).query(EventStore::record).list();
    }

    public List<DeliveryRecord> deliveriesOfSaga(String sagaId) {
        return jdbc.sql("SELECT " + DELIVERY_COLUMNS + " FROM delivery WHERE saga_id = ? ORDER BY id").param(sagaId)
                .query(EventStore::record).list();
    }

    private static DeliveryRecord record(ResultSet rs, int n) throws SQLException {
        return new DeliveryRecord(rs.getLong("id"), rs.getString("kind"), rs.getString("event_source"), rs.getString("event_id"),
                rs.getString("type"), rs.getString("saga_id"), rs.getString("receiver"), rs.getString("endpoint"),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                rs.getString("last_error"), instant(rs, "deadline"), instant(rs, "created_at"), instant(rs, "finished_at"));
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 2000) + "...";
    }

    /** What one claim took: copies to send now, and copies it found past their deadline and expired. */
    public record Claim(List<Claimed> toSend, List<Claimed> expired) {
    }

    /**
     * A copy claimed for sending; {@code attempt} counts from 1 (for an expired copy: the attempt it did not get).
     *
     * @param kind {@link OutboxEntry#COPY}, {@link OutboxEntry#OUTCOME} or {@link OutboxEntry#COMPENSATION}
     */
    public record Claimed(long id, String receiver, String endpoint, String type, String eventId, String sagaId, byte[] payload,
            Instant deadline, int attempt, String kind) {
    }

    /** The outbox's backlog. */
    public record Depth(long pending, Instant oldestCreatedAt) {
    }
}
