package dev.dragoman.gateway.saga;

import static dev.dragoman.gateway.outbox.Timestamps.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of a saga search. Each query names one status (or none, for every saga newest first),
 * so that it walks one index in the search's own order ({@code saga_status_deadline},
 * {@code saga_status_started} or {@code saga_started}, V2 migration) from the cursor on and stops
 * after a page: no sort, no offset, whatever the number of sagas stored. A search over several
 * statuses runs one such query each and merges them, which costs at most five short index walks.
 *
 * <p>The cursor's condition is written {@code key <= ? AND (key < ? OR saga_id < ?)} rather than
 * as a row value comparison, which not every database turns into an index range.
 */
final class SagaSearchQueries {

    private final JdbcClient jdbc;

    SagaSearchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SagaPage search(SagaSearch search) {
        int wanted = search.limit() + 1;
        List<SagaState> found = new ArrayList<>();
        if (search.order() == SagaOrder.NEWEST && search.statuses().equals(Set.of(SagaStatus.values()))) {
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
            sql.append(" AND saga_id LIKE ? ESCAPE '\\'");
            params.add(search.sagaIdPrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
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
        if (after != null) {
            String beyond = deadline ? ">" : "<";
            sql.append(" AND ").append(key).append(' ').append(beyond).append("= ? AND (").append(key).append(' ').append(beyond)
                    .append(" ? OR saga_id ").append(beyond).append(" ?)");
            params.add(sql(after.key()));
            params.add(sql(after.key()));
            params.add(after.sagaId());
        }
        String direction = deadline ? " ASC" : " DESC";
        sql.append(" ORDER BY ").append(key).append(direction).append(", saga_id").append(direction)
                .append(" FETCH FIRST ").append(wanted).append(" ROWS ONLY");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> SagaStore.state(rs.getString("state"))).list();
    }
}
