package dev.dragoman.gateway.saga;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads sagas for people: a search a page at a time ({@code GET /admin/sagas}, the console), and
 * a token that changes whenever any saga does, cheap enough to be asked every second.
 */
public final class SagaSearches {

    /** How far below the newest timeline entry the token still counts entries (see {@link #changeToken()}). */
    static final int LATE_COMMIT_WINDOW = 1000;

    private final JdbcClient jdbc;
    private final SagaSearchQueries queries;

    public SagaSearches(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.queries = new SagaSearchQueries(jdbc);
    }

    /** One page of sagas: those that pass the search's filters, in its order, after its cursor. */
    public SagaPage search(SagaSearch search) {
        return queries.search(search);
    }

    /**
     * A token that is different whenever a saga started or changed since it was last read; equal
     * tokens mean nothing changed. Every start and every change of a saga appends to its timeline,
     * so the newest timeline entry's id says "something happened" with one probe of the primary
     * key. Ids are handed out before commit, so on a shared PostgreSQL a transaction may commit
     * an entry below an id already seen: the token also counts the entries of the last
     * {@value #LATE_COMMIT_WINDOW} ids, a bounded index range, and so changes for those too.
     */
    public String changeToken() {
        Long newest = jdbc.sql("SELECT MAX(id) FROM saga_timeline").query(Long.class).optional().orElse(null);
        if (newest == null) {
            return "0";
        }
        long recent = jdbc.sql("SELECT COUNT(*) FROM saga_timeline WHERE id > ?").param(newest - LATE_COMMIT_WINDOW).query(Long.class).single();
        return newest + "." + recent;
    }
}
