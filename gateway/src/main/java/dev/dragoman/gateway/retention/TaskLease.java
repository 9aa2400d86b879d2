package dev.dragoman.gateway.retention;

import static dev.dragoman.gateway.outbox.Timestamps.sql;

import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who runs a periodic task among the gateways that share one database: a row of
 * {@code scheduled_lock} taken until a time, as ShedLock's JDBC provider does. Not ShedLock itself:
 * the store has no leader mechanism to reuse, but the row is a few lines of the SQL it already
 * speaks, it takes the time from the gateway's Clock (so tests move it instead of sleeping), and
 * it needs no further dependency. The table has ShedLock's columns, so its provider could take over.
 * The instance that holds the row may run the task until {@code lock_until}; a crashed one's
 * lease simply runs out. Time comes from the caller, so that tests move it.
 */
final class TaskLease {

    private final JdbcClient jdbc;
    private final String name;
    private final String owner;

    /** @param owner names this instance in the row (host and process), for the people reading it */
    TaskLease(JdbcClient jdbc, String name, String owner) {
        this.jdbc = jdbc;
        this.name = name;
        this.owner = owner;
    }

    /** Takes the task until {@code now + lease}, unless another instance holds it; run in a transaction of its own. */
    boolean acquire(Instant now, Duration lease) {
        int taken = jdbc.sql("UPDATE scheduled_lock SET lock_until = ?, locked_at = ?, locked_by = ? WHERE name = ? AND lock_until <= ?")
                .params(sql(now.plus(lease)), sql(now), owner, name, sql(now)).update();
        if (taken == 1) {
            return true;
        }
        try {
            return jdbc.sql("INSERT INTO scheduled_lock (name, lock_until, locked_at, locked_by) VALUES (?, ?, ?, ?)")
                    .params(name, sql(now.plus(lease)), sql(now), owner).update() == 1;
        } catch (DuplicateKeyException held) {
            return false; // the row exists and its lease has not run out: another instance runs the task
        }
    }

    /** Gives the task back, so that any instance may take it at its next tick. */
    void release(Instant now) {
        jdbc.sql("UPDATE scheduled_lock SET lock_until = ? WHERE name = ? AND locked_by = ?").params(sql(now), name, owner).update();
    }
}
