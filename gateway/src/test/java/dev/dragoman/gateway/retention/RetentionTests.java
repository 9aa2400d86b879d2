package dev.dragoman.gateway.retention;

import static dev.dragoman.gateway.outbox.Timestamps.sql;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.dragoman.gateway.events.TestDatabases;
import dev.dragoman.gateway.metrics.EventMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention on the embedded H2 and on a real PostgreSQL, with the real migrations and fixed
 * instants (no sleeps): what is past its time goes, a batch per transaction; open sagas, pending
 * copies and young rows stay; a saga goes whole; the metric counts; and of two gateways on one
 * database only the one holding the lease runs.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class RetentionTests {

    static final Instant NOW = Instant.parse("2031-06-01T00:00:00Z");
    static final Duration RETENTION = Duration.ofDays(7);
    static final Duration REFUSED_RETENTION = Duration.ofDays(30);

    @Parameter
    String database;

    HikariDataSource dataSource;
    JdbcClient jdbc;
    SimpleMeterRegistry registry;
    AtomicInteger transactions = new AtomicInteger();

    @BeforeEach
    void database() {
        dataSource = TestDatabases.create(database);
        jdbc = JdbcClient.create(dataSource);
        registry = new SimpleMeterRegistry();
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void oldEndedSagasGoWhole_openOnesAndThoseWithWorkLeftStay() {
        saga("ended-old", "COMPLETED", NOW.minus(Duration.ofDays(8)));
        copy("ended-old", "DELIVERED", NOW.minus(Duration.ofDays(9)));
        copy("ended-old", "DELIVERED", NOW.minus(Duration.ofDays(8)));
        saga("ended-young", "ABORTED", NOW.minus(Duration.ofDays(6)));
        copy("ended-young", "DELIVERED", NOW.minus(Duration.ofDays(9)));
        saga("open-old", "OPEN", null);
        copy("open-old", "DELIVERED", NOW.minus(Duration.ofDays(20)));
        saga("ended-old-pending", "TIMED_OUT", NOW.minus(Duration.ofDays(8)));
        copy("ended-old-pending", "PENDING", null);
        saga("ended-old-refused-lately", "ABORTED", NOW.minus(Duration.ofDays(10)));
        copy("ended-old-refused-lately", "REJECTED", NOW.minus(Duration.ofDays(9)));

        Retention.Removed removed = retention("a", 50, NOW).run();

        assertThat(removed).isEqualTo(new Retention.Removed(true, 1, 2, 0));
        assertThat(sagas()).containsExactlyInAnyOrder("ended-young", "open-old", "ended-old-pending", "ended-old-refused-lately");
        assertThat(count("SELECT COUNT(*) FROM saga_timeline WHERE saga_id = 'ended-old'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM saga_timeline")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM delivery")).as("the young, open and unfinished sagas keep every copy").isEqualTo(4);
        assertThat(removedCount("saga")).isEqualTo(1);
        assertThat(removedCount("copy")).isEqualTo(2);

        // 22 days on, the refused copy is past its 30 days, and the rest (the pending copy since delivered) past their 7
        jdbc.sql("UPDATE delivery SET status = 'DELIVERED', finished_at = ? WHERE status = 'PENDING'").param(sql(NOW)).update();
        assertThat(retention("a", 50, NOW.plus(Duration.ofDays(22))).run()).isEqualTo(new Retention.Removed(true, 3, 3, 0));
        assertThat(sagas()).containsExactly("open-old");
    }

    @Test
    void copiesOfNoSaga_deliveredGoAfterTheRetention_refusedAfterTheLongerOne_pendingNever_andEventsOnceTheirCopiesAreGone() {
        long oldEvent = event(NOW.minus(Duration.ofDays(40)));
        copyOf(oldEvent, "DELIVERED", NOW.minus(Duration.ofDays(8)));
        copyOf(oldEvent, "REJECTED", NOW.minus(Duration.ofDays(31)));
        long refusedEvent = event(NOW.minus(Duration.ofDays(40)));
        copyOf(refusedEvent, "EXPIRED", NOW.minus(Duration.ofDays(8)));
        long waitingEvent = event(NOW.minus(Duration.ofDays(60)));
        copyOf(waitingEvent, "PENDING", null);
        long youngEvent = event(NOW.minus(Duration.ofDays(1)));
        copyOf(youngEvent, "DELIVERED", NOW.minus(Duration.ofDays(1)));
        event(NOW.minus(Duration.ofDays(8))); // a report no one receives: no copies at all

        Retention.Removed removed = retention("a", 50, NOW).run();

        assertThat(removed).isEqualTo(new Retention.Removed(true, 0, 2, 2));
        assertThat(jdbc.sql("SELECT status FROM delivery ORDER BY id").query(String.class).list())
                .containsExactly("EXPIRED", "PENDING", "DELIVERED");
        assertThat(jdbc.sql("SELECT id FROM published_event ORDER BY id").query(Long.class).list())
                .containsExactly(refusedEvent, waitingEvent, youngEvent);
        assertThat(removedCount("event")).isEqualTo(2);
    }

    @Test
    void manyOldRows_goInSmallBatches_oneTransactionEach_inOneRun() {
        for (int i = 0; i < 10; i++) {
            copyOf(event(NOW.minus(Duration.ofDays(9))), "DELIVERED", NOW.minus(Duration.ofDays(8)));
        }

        Retention.Removed removed = retention("a", 3, NOW).run();

        assertThat(removed).isEqualTo(new Retention.Removed(true, 0, 10, 10));
        // each batch takes 3 copies, then their 3 events (3, 3, 3, 1); then one empty batch ends the run
        assertThat(transactions.get()).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM delivery") + count("SELECT COUNT(*) FROM published_event")).isZero();
        assertThat(removedCount("copy")).isEqualTo(10);
    }

    @Test
    void twoGatewaysOnOneDatabase_onlyTheLeaseHolderRuns_andACrashedHoldersLeaseRunsOut() {
        copyOf(event(NOW.minus(Duration.ofDays(9))), "DELIVERED", NOW.minus(Duration.ofDays(8)));
        TaskLease first = new TaskLease(jdbc, "dragoman-retention", "first");
        assertThat(first.acquire(NOW, Duration.ofMinutes(10))).isTrue();

        assertThat(retention("second", 50, NOW).run()).as("the first holds it").isEqualTo(new Retention.Removed(false, 0, 0, 0));
        assertThat(retention("second", 50, NOW.plus(Duration.ofMinutes(9))).run().ran()).isFalse();
        assertThat(count("SELECT COUNT(*) FROM delivery")).isEqualTo(1);

        // the first died without giving it back: its lease runs out
        assertThat(retention("second", 50, NOW.plus(Duration.ofMinutes(10))).run()).isEqualTo(new Retention.Removed(true, 0, 1, 1));
        // and a run gives the task back when done, so the first may take it again at once
        assertThat(first.acquire(NOW.plus(Duration.ofMinutes(10)), Duration.ofMinutes(10))).isTrue();
        assertThat(new TaskLease(jdbc, "dragoman-retention", "third").acquire(NOW.plus(Duration.ofMinutes(11)), Duration.ofMinutes(10)))
                .isFalse();
    }

    Retention retention(String owner, int batchSize, Instant now) {
        TransactionTemplate counting = new TransactionTemplate(new DataSourceTransactionManager(dataSource)) {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                transactions.incrementAndGet();
                return super.execute(action);
            }
        };
        return new Retention(jdbc, counting, Clock.fixed(now, ZoneOffset.UTC), new EventMetrics(registry),
                new Retention.Settings(RETENTION, REFUSED_RETENTION, batchSize, Duration.ofMinutes(5), Duration.ofMinutes(10)),
                new TaskLease(jdbc, "dragoman-retention", owner));
    }

    void saga(String id, String status, Instant endedAt) {
        jdbc.sql("INSERT INTO saga (saga_id, saga_name, status, deadline, started_at, ended_at, declaration, state, outcome_data)"
                        + " VALUES (?, 'order-placement', ?, ?, ?, ?, '{}', '{}', '{}')")
                .params(id, status, sql(NOW.minus(Duration.ofDays(30))), sql(NOW.minus(Duration.ofDays(31))), sql(endedAt)).update();
        jdbc.sql("INSERT INTO saga_timeline (saga_id, at, what, late) VALUES (?, ?, 'started', false)")
                .params(id, sql(NOW.minus(Duration.ofDays(31)))).update();
    }

    void copy(String sagaId, String status, Instant finishedAt) {
        insertCopy(null, sagaId, status, finishedAt);
    }

    void copyOf(long event, String status, Instant finishedAt) {
        insertCopy(event, null, status, finishedAt);
    }

    void insertCopy(Long event, String sagaId, String status, Instant finishedAt) {
        jdbc.sql("INSERT INTO delivery (published_id, kind, event_source, event_id, type, saga_id, receiver, endpoint, payload, deadline,"
                        + " status, attempts, next_attempt_at, created_at, finished_at) VALUES (?, 'copy', '/test', 'e', 'order.placed', ?, 'product',"
                        + " 'http://127.0.0.1:1/events', '{}', ?, ?, 1, ?, ?, ?)")
                .params(event, sagaId, sql(NOW.plus(Duration.ofDays(1))), status, sql(NOW.plus(Duration.ofDays(1))),
                        sql(NOW.minus(Duration.ofDays(60))), sql(finishedAt))
                .update();
    }

    long event(Instant acceptedAt) {
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO published_event (source, event_id, type, publisher, deadline, accepted_at) VALUES ('/test', ?, 'order.placed',"
                        + " 'order', ?, ?)")
                .params(java.util.UUID.randomUUID().toString(), sql(acceptedAt.plus(Duration.ofHours(1))), sql(acceptedAt))
                .update(key, "id");
        return key.getKey().longValue();
    }

    List<String> sagas() {
        return jdbc.sql("SELECT saga_id FROM saga").query(String.class).list();
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    double removedCount(String kind) {
        return registry.get("dragoman.store.removed").tag("kind", kind).counter().count();
    }
}
