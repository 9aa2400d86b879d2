package dev.dragoman.gateway.saga;

import static dev.dragoman.gateway.outbox.Timestamps.sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of a saga search. Each query names one status (or none, for every saga newest first),
 * so that it walks one index in the search's own order ({@code saga_deadline},
 * {@code saga_status_started} or {@code saga_started}, V3 migration) from the cursor on and stops
 * after a page: no sort, no offset, whatever the number of sagas stored. A search over several
 * statuses runs one such query each and merges them, which costs at most five short index walks.
 *
 * <p>The cursor's condition is written {@code key <= ? AND (key < ? OR saga_id < ?)} rather than
 * as a row value comparison, which not every database turns into an index range.
 */
final class SagaSearchQueries {

    /** Bounds no stored time passes, for the range above; both within what H2 and PostgreSQL store. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** Below this many saga ids with the prefix, a search by prefix reads them all through the primary key. */
    static final int FEW = 1000;

    private final JdbcClient jdbc;

    private final int few;

    SagaSearchQueries(JdbcClient jdbc) {
        this(jdbc, FEW);
    }

    /** @param few the threshold of {@link #fewStartWith}; tests lower it to walk the other way with few sagas */
    SagaSearchQueries(JdbcClient jdbc, int few) {
        this.jdbc = jdbc;
        this.few = few;
    }

    SagaPage search(SagaSearch search) {
        int wanted = search.limit() + 1;
        List<SagaState> found = new ArrayList<>();
        if (search.sagaIdPrefix() != null && fewStartWith(search.sagaIdPrefix())) {
            found.addAll(startingWith(search));
        } else if (search.order() == SagaOrder.NEWEST && search.statuses().equals(Set.of(SagaStatus.values()))) {
            found.addAll(query(search, null, wanted));
        } else {
            for (SagaStatus status : search.statuses()) {
                found.addAll(query(search, status, wanted));
            }
            found.sort(SagaPage.comparator(search.order()));
        }
        if (found.size() <= search.limit()) {
            return new SagaPage(found, null);
        }
        List<SagaState> page = found.subList(0, search.limit());
        return new SagaPage(page, SagaCursor.after(search.order(), page.get(page.size() - 1)));
    }

    /**
     * Whether fewer than {@value #FEW} saga ids start with the prefix (a probe of at most that
     * many entries of the primary key). Then those are read through the primary key and sorted,
     * which costs at most that many; otherwise the order's index is walked and the prefix checked
     * on the way, and at least one saga in {@code stored / FEW} matches, so a page is found soon.
     */
    private boolean fewStartWith(String prefix) {
        long matching = jdbc.sql("SELECT COUNT(*) FROM (SELECT saga_id FROM saga WHERE saga_id LIKE ? ESCAPE '\\' FETCH FIRST " + few
                + " ROWS ONLY) probe").param(like(prefix)).query(Long.class).single();
        return matching < few;
    }

    private static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Every saga whose id starts with the prefix (fewer than {@value #FEW}), through the primary key; the other filters, order and cursor applied here. */
    private static List<SagaState> filtered(SagaSearch search, List<SagaState> candidates) {
        SagaCursor after = search.after();
        java.util.Comparator<SagaState> order = SagaPage.comparator(search.order());
        return candidates.stream()
                .filter(s -> search.statuses().contains(s.status()))
                .filter(s -> search.saga() == null || search.saga().equals(s.sagaName()))
                .filter(s -> search.from() == null || !s.startedAt().isBefore(search.from()))
                .filter(s -> search.to() == null || s.startedAt().isBefore(search.to()))
                .filter(s -> after == null || beyond(search.order(), s, after))
                .sorted(order)
                .limit(search.limit() + 1L)
                .toList();
    }

    private static boolean beyond(SagaOrder order, SagaState state, SagaCursor after) {
        Instant key = order == SagaOrder.DEADLINE ? state.deadline() : state.startedAt();
        int byKey = key.compareTo(after.key());
        int compared = byKey != 0 ? byKey : state.sagaId().compareTo(after.sagaId());
        return order == SagaOrder.DEADLINE ? compared > 0 : compared < 0;
    }

    private List<SagaState> startingWith(SagaSearch search) {
        return filtered(search, jdbc.sql("SELECT state FROM saga WHERE saga_id LIKE ? ESCAPE '\\'").param(like(search.sagaIdPrefix()))
                .query((rs, n) -> SagaStore.state(rs.getString("state"))).list());
    }

    private List<SagaState> query(SagaSearch search, SagaStatus status, int wanted) {
        boolean deadline = search.order() == SagaOrder.DEADLINE;
        String key = deadline ? "deadline" : "started_at";
        StringBuilder sql = new StringBuilder("SELECT state FROM saga WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.name());
        }
        if (search.saga() != null) {
            sql.append(" AND saga_name = ?");
            params.add(search.saga());
        }
        if (search.sagaIdPrefix() != null) {
            // Many start with it (fewStartWith): POSITION, not LIKE, so that the database walks the order's index and checks the
            // prefix on the way, rather than take the prefix's range of the primary key and sort all of it.
            sql.append(" AND POSITION(? IN saga_id) = 1");
            params.add(search.sagaIdPrefix());
        }
        if (search.from() != null) {
            sql.append(" AND started_at >= ?");
            params.add(sql(search.from()));
        }
        if (search.to() != null) {
            sql.append(" AND started_at < ?");
            params.add(sql(search.to()));
        }
        SagaCursor after = search.after();
        if (after == null) {
            // A range on the order's column, always true, so that the index that ends in it is strictly the cheapest:
            // with "status = ?" alone H2 may pick another index starting with status, and then sort every saga of that status.
            sql.append(" AND ").append(key).append(deadline ? " >= ?" : " <= ?");
            params.add(sql(deadline ? EARLIEST : LATEST));
        } else {
            String beyond = deadline ? ">" : "<";
            sql.append(" AND ").append(key).append(' ').append(beyond).append("= ? AND (").append(key).append(' ').append(beyond)
                    .append(" ? OR saga_id ").append(beyond).append(" ?)");
            params.add(sql(after.key()));
            params.add(sql(after.key()));
            params.add(after.sagaId());
        }
        String direction = deadline ? " ASC" : " DESC";
        // "status" first, though it is one value here: H2 walks an index instead of sorting only when the ORDER BY is a prefix of it.
        sql.append(" ORDER BY ").append(status == null ? "" : "status, ").append(key).append(direction).append(", saga_id").append(direction)
                .append(" FETCH FIRST ").append(wanted).append(" ROWS ONLY");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> SagaStore.state(rs.getString("state"))).list();
    }
}
