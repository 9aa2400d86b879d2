package dev.dragoman.kit.inbox;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code dragoman_inbox} table: one row per copy handled, keyed by its CloudEvents identity. */
public class InboxStore {

    private final JdbcClient jdbc;

    public InboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Remembers a copy, in the caller's transaction. On PostgreSQL a concurrent insert of the same
     * pair waits for the other transaction, so a copy whose first handling rolls back is handled again.
     *
     * @return {@code false} when the copy was handled before
     */
    public boolean remember(String source, String id, String type, Instant now) {
        try {
            jdbc.sql("INSERT INTO dragoman_inbox (source, id, type, received_at) VALUES (?, ?, ?, ?)")
                    .params(source, id, type, now.atOffset(ZoneOffset.UTC)).update();
            return true;
        } catch (DuplicateKeyException handledBefore) {
            return false;
        }
    }

    public boolean contains(String source, String id) {
        return jdbc.sql("SELECT COUNT(*) FROM dragoman_inbox WHERE source = ? AND id = ?").params(source, id)
                .query(Long.class).single() > 0;
    }
}
