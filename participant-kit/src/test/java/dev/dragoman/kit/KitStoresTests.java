package dev.dragoman.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.dragoman.kit.autoconfigure.KitSchema;
import dev.dragoman.kit.inbox.InboxStore;
import dev.dragoman.kit.outbox.OutboxEvent;
import dev.dragoman.kit.outbox.OutboxStatus;
import dev.dragoman.kit.outbox.OutboxStore;
import dev.dragoman.kit.saga.SagaStepStore;
import dev.dragoman.kit.saga.SagaStepStore.Role;
import dev.dragoman.kit.saga.SagaStepStore.Status;
import dev.dragoman.kit.saga.SagaStepStore.StepKey;
import dev.dragoman.kit.saga.SagaStepStore.StepRow;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The kit's schema and SQL on both databases it documents, H2 (its default mode, as a service's
 * embedded H2 would run) and a real PostgreSQL: the migration next to a service's own tables,
 * claims that skip rows another instance holds, a row finished once, an inbox that dedupes, saga
 * steps the watchdog finds by their deadline.
 */
class KitStoresTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static EmbeddedPostgres postgres;

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theOutboxClaimsDueRowsSkippingThoseAnotherInstanceHoldsAndFinishesEachOnce(String kind) {
        try (HikariDataSource dataSource = database(kind)) {
            OutboxStore outbox = new OutboxStore(JdbcClient.create(dataSource));
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            TransactionTemplate otherInstance = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            otherInstance.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            String due = UUID.randomUUID().toString();
            String later = UUID.randomUUID().toString();
            outbox.insert(new OutboxEvent(due, "payment.captured", "order-1", NOW.plusSeconds(60), "{\"amount\":10000}", NOW, 0), NOW);
            outbox.insert(new OutboxEvent(later, "payment.captured", null, NOW.plusSeconds(60), "{\"amount\":1}", NOW, 0), NOW);
            outbox.retryAt(later, NOW.plusSeconds(5), "not yet");

            List<String> seenByOther = tx.execute(status -> {
                List<OutboxEvent> claimed = outbox.claimDue(NOW, 10, Duration.ofSeconds(20));
                assertThat(claimed).extracting(OutboxEvent::id).containsExactly(due);
                assertThat(claimed.get(0).data()).isEqualTo("{\"amount\":10000}");
                assertThat(claimed.get(0).deadline()).isEqualTo(NOW.plusSeconds(60));
                return otherInstance.execute(inner -> outbox.claimDue(NOW, 10, Duration.ofSeconds(20)).stream().map(OutboxEvent::id).toList());
            });
            assertThat(seenByOther).isEmpty();
            // The lease keeps the claimed row from the next pass until it runs out.
            List<OutboxEvent> nextPass = tx.execute(status -> outbox.claimDue(NOW.plusSeconds(10), 10, Duration.ofSeconds(20)));
            assertThat(nextPass).extracting(OutboxEvent::id).containsExactly(later);

            Boolean sent = tx.execute(status -> outbox.finish(due, OutboxStatus.SENT, null, NOW));
            Boolean expiredAfterwards = tx.execute(status -> outbox.finish(due, OutboxStatus.EXPIRED, "late", NOW));
            assertThat(sent).isTrue();
            assertThat(expiredAfterwards).isFalse();
            assertThat(outbox.find(due).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theInboxRemembersACopyOnce(String kind) {
        try (HikariDataSource dataSource = database(kind)) {
            InboxStore inbox = new InboxStore(JdbcClient.create(dataSource));
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

            Boolean first = tx.execute(status -> inbox.remember("/order-service", "order-4711", "order.placed", NOW));
            Boolean again = tx.execute(status -> inbox.remember("/order-service", "order-4711", "order.placed", NOW));
            Boolean otherSource = tx.execute(status -> inbox.remember("/other-service", "order-4711", "order.placed", NOW));
            assertThat(first).isTrue();
            assertThat(again).isFalse();
            assertThat(otherSource).isTrue();
            assertThat(inbox.contains("/order-service", "order-4711")).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theSagaStepsKeepTheirDeadlineAndTheWatchdogFindsOnlyCompletedOnesPastIt(String kind) {
        try (HikariDataSource dataSource = database(kind)) {
            SagaStepStore steps = new SagaStepStore(JdbcClient.create(dataSource));
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            steps.insert(new StepRow("order-2", "payment.requested", Role.PARTICIPANT, Status.COMPLETED, NOW.plusSeconds(20),
                    "{\"amount\":10000}", null), NOW);
            steps.insert(new StepRow("order-1", "payment.requested", Role.PARTICIPANT, Status.COMPLETED, NOW.plusSeconds(10),
                    "{\"amount\":1}", null), NOW);
            steps.insert(new StepRow("order-1", "order.placed", Role.INITIATOR, Status.FAILED, NOW, "{}", null), NOW);
            steps.insert(new StepRow("order-3", "payment.requested", Role.PARTICIPANT, Status.COMPLETED, NOW.plusSeconds(60), "{}", null), NOW);

            assertThat(steps.overdue(NOW.plusSeconds(30), 10)).containsExactly(new StepKey("order-1", "payment.requested"),
                    new StepKey("order-2", "payment.requested"));
            assertThat(steps.overdue(NOW.plusSeconds(30), 1)).containsExactly(new StepKey("order-1", "payment.requested"));
            tx.executeWithoutResult(status -> {
                assertThat(steps.lock("order-1", "payment.requested").orElseThrow().data()).isEqualTo("{\"amount\":1}");
                steps.compensated("order-1", "payment.requested", NOW.plusSeconds(30));
            });
            tx.executeWithoutResult(status -> steps.confirm("order-2", "payment.requested", NOW.plusSeconds(5)));

            assertThat(steps.overdue(NOW.plusSeconds(30), 10)).isEmpty();
            StepRow compensated = steps.find("order-1", "payment.requested").orElseThrow();
            assertThat(compensated.status()).isEqualTo(Status.COMPENSATED);
            assertThat(compensated.deadline()).isEqualTo(NOW.plusSeconds(10));
            assertThat(compensated.compensatedAt()).isEqualTo(NOW.plusSeconds(30));
            assertThat(steps.find("order-2", "payment.requested").orElseThrow().status()).isEqualTo(Status.CONFIRMED);
            assertThat(steps.find("order-1", "order.placed").orElseThrow().role()).isEqualTo(Role.INITIATOR);
        }
    }

    /** A fresh database holding a service's own table before the kit's migration, as in a service that adds the kit later. */
    private static HikariDataSource database(String kind) {
        HikariDataSource dataSource = new HikariDataSource();
        if (kind.equals("h2")) {
            dataSource.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        } else {
            dataSource.setJdbcUrl(newPostgresDatabase());
            dataSource.setUsername("postgres");
        }
        JdbcClient.create(dataSource).sql("CREATE TABLE orders (id VARCHAR(64) PRIMARY KEY)").update();
        KitSchema.migrate(dataSource);
        KitSchema.migrate(dataSource);
        return dataSource;
    }

    private static synchronized String newPostgresDatabase() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
            }
            String name = "kit_" + UUID.randomUUID().toString().replace('-', '_');
            try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("CREATE DATABASE " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on the embedded PostgreSQL", e);
        }
    }
}
