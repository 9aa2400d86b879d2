package dev.dragoman.gateway.saga;

import static dev.dragoman.gateway.outbox.Timestamps.instant;
import static dev.dragoman.gateway.outbox.Timestamps.sql;

import dev.dragoman.gateway.cloudevents.TraceContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Saga instances and their timelines. The state is the machine's own record as JSON; status and
 * deadline are also columns, indexed, so that due deadlines are found without reading every saga
 * (the search for people is {@link SagaSearchQueries}).
 */
final class SagaStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    SagaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the saga id is taken */
    void insert(StoredSaga saga) {
        SagaState state = saga.state();
        TraceContext trace = saga.trace();
        jdbc.sql("INSERT INTO saga (saga_id, saga_name, status, deadline, started_at, ended_at, declaration, state, outcome_data,"
                        + " trace_parent, trace_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(state.sagaId(), state.sagaName(), state.status().name(), sql(state.deadline()), sql(state.startedAt()),
                        sql(state.endedAt()), JSON.writeValueAsString(saga.declaration()), JSON.writeValueAsString(state),
                        JSON.writeValueAsString(saga.receivers()), trace == null ? null : trace.traceparent(),
                        trace == null ? null : trace.tracestate())
                .update();
    }

    /** Reads a saga and locks its row until the transaction ends, so that reports to it are taken one at a time. */
    Optional<StoredSaga> lock(String sagaId) {
        return jdbc.sql("SELECT declaration, state, outcome_data, trace_parent, trace_state FROM saga WHERE saga_id = ? FOR UPDATE").param(sagaId)
                .query(SagaStore::stored).optional();
    }

    Optional<StoredSaga> find(String sagaId) {
        return jdbc.sql("SELECT declaration, state, outcome_data, trace_parent, trace_state FROM saga WHERE saga_id = ?").param(sagaId)
                .query(SagaStore::stored).optional();
    }

    Optional<Instant> deadlineOf(String sagaId) {
        return jdbc.sql("SELECT deadline FROM saga WHERE saga_id = ?").param(sagaId).query((rs, n) -> instant(rs, "deadline")).optional();
    }

    /**
     * Open and confirming sagas whose deadline has come, locked for this instance (another
     * instance skips them). Served by the index on (status, deadline).
     */
    List<StoredSaga> lockDue(Instant now, int limit) {
        // No ORDER BY, for the reason given at EventStore.claimDue: the index scan meets them earliest first.
        return jdbc.sql("SELECT declaration, state, outcome_data, trace_parent, trace_state FROM saga WHERE status IN ('OPEN', 'CONFIRMING') AND deadline <= ?"
                        + " FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .param(sql(now)).query(SagaStore::stored).list();
    }

    void update(SagaState state) {
        jdbc.sql("UPDATE saga SET status = ?, ended_at = ?, state = ? WHERE saga_id = ?")
                .params(state.status().name(), sql(state.endedAt()), JSON.writeValueAsString(state), state.sagaId()).update();
    }

    void append(String sagaId, List<TimelineEntry> entries) {
        for (TimelineEntry entry : entries) {
            jdbc.sql("INSERT INTO saga_timeline (saga_id, at, what, late) VALUES (?, ?, ?, ?)")
                    .params(sagaId, sql(entry.at()), entry.what(), entry.late()).update();
        }
    }

    List<TimelineEntry> timeline(String sagaId) {
        return jdbc.sql("SELECT at, what, late FROM saga_timeline WHERE saga_id = ? ORDER BY id").param(sagaId)
                .query((rs, n) -> new TimelineEntry(instant(rs, "at"), rs.getString("what"), rs.getBoolean("late"))).list();
    }

    /**
     * The state as stored. A saga stored before the deadline protocol has no acknowledged list:
     * one that completed then was confirmed at once, as the protocol was, so every receiver counts
     * as acknowledging; any other starts with none.
     */
    static SagaState state(String json) {
        JsonNode tree = JSON.readTree(json);
        if (tree instanceof ObjectNode object && !object.has("acknowledged")) {
            Set<String> receivers = new LinkedHashSet<>();
            if (SagaStatus.COMPLETED.name().equals(object.path("status").asString())) {
                receivers.add(object.path("initiator").asString());
                object.path("participants").forEach(p -> receivers.add(p.path("context").asString()));
            }
            ObjectNode upgraded = object.deepCopy();
            upgraded.set("acknowledged", JSON.valueToTree(List.copyOf(receivers)));
            tree = upgraded;
        }
        return JSON.treeToValue(tree, SagaState.class);
    }

    private static StoredSaga stored(ResultSet rs, int n) throws SQLException {
        String traceParent = rs.getString("trace_parent");
        return new StoredSaga(state(rs.getString("state")),
                JSON.readValue(rs.getString("declaration"), SagaDeclaration.class),
                JSON.readValue(rs.getString("outcome_data"), Receivers.class),
                traceParent == null ? null : new TraceContext(traceParent, rs.getString("trace_state")));
    }
}
