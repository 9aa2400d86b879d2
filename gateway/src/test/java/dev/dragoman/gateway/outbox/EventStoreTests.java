package dev.dragoman.gateway.outbox;

import dev.dragoman.gateway.events.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox on the embedded H2 and on a real PostgreSQL, with the real migrations: claims never overlap, and a claim is a lease. */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class EventStoreTests {

    @Parameter
    String database;

    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    HikariDataSource dataSource;
    EventStore store;
    TransactionTemplate transactions;

    @BeforeEach
    void database() {
        dataSource = TestDatabases.create(database);
        store = new EventStore(new JdbcTemplate(dataSource));
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < 10; i++) {
                store.enqueue(null, new OutboxEntry(OutboxEntry.COPY, "/test", "event-" + i, "order.placed", null, "product",
                        "http://127.0.0.1:1/events", "{}".getBytes(StandardCharsets.UTF_8), NOW.plusSeconds(600)), NOW);
            }
        });
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void twoInstancesClaimingAtOnce_takeDisjointCopies() throws Exception {
        CountDownLatch firstHoldsItsClaim = new CountDownLatch(1);
        CountDownLatch secondHasClaimed = new CountDownLatch(1);
        CompletableFuture<List<Long>> first = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> {
            List<Long> ids = ids(store.claimDue(NOW, 4, Duration.ofMinutes(1)).toSend());
            firstHoldsItsClaim.countDown();
            TestDatabases.await(secondHasClaimed);
            return ids;
        }));
        TestDatabases.await(firstHoldsItsClaim);
        List<Long> second = transactions.execute(tx -> ids(store.claimDue(NOW, 10, Duration.ofMinutes(1)).toSend()));
        secondHasClaimed.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).hasSize(4);
        assertThat(second).as("rows locked by the first claim are skipped, not waited for").hasSize(6)
                .doesNotContainAnyElementsOf(first.get());
    }

    @Test
    void aClaimIsALease_theCopyIsDueAgainOnlyWhenItRunsOut() {
        List<EventStore.Claimed> claimed = transactions.execute(tx -> store.claimDue(NOW, 10, Duration.ofMinutes(1))).toSend();
        assertThat(claimed).hasSize(10).allSatisfy(copy -> assertThat(copy.attempt()).isEqualTo(1));

        assertThat(claim(NOW.plusSeconds(59))).isEmpty();
        assertThat(claim(NOW.plusSeconds(60)))
                .as("an instance that died while sending leaves its copies to the others after the lease")
                .hasSize(10).allSatisfy(copy -> assertThat(copy.attempt()).isEqualTo(2));
    }

    @Test
    void finishedCopiesAreNeitherClaimedNorCounted() {
        List<EventStore.Claimed> claimed = transactions.execute(tx -> store.claimDue(NOW, 3, Duration.ofMinutes(1))).toSend();
        transactions.executeWithoutResult(tx -> {
            store.finish(claimed.get(0).id(), DeliveryStatus.DELIVERED, null, NOW);
            store.finish(claimed.get(1).id(), DeliveryStatus.REJECTED, "HTTP 400", NOW);
            store.finish(claimed.get(2).id(), DeliveryStatus.EXPIRED, "deadline passed", NOW);
        });

        assertThat(store.depth().pending()).isEqualTo(7);
        assertThat(claim(NOW.plusSeconds(60))).hasSize(7);
    }

    @Test
    void copiesPastTheirDeadline_areExpiredByTheClaim_notSent_andKeepTheirAttemptCount() {
        transactions.execute(tx -> store.claimDue(NOW, 10, Duration.ofSeconds(1)));
        EventStore.Claim late = transactions.execute(tx -> store.claimDue(NOW.plusSeconds(600), 10, Duration.ofSeconds(1)));

        assertThat(late.toSend()).isEmpty();
        assertThat(late.expired()).hasSize(10);
        assertThat(store.depth().pending()).isZero();
        assertThat(store.deliveriesOfEvent("/test", "event-0")).singleElement().satisfies(copy -> {
            assertThat(copy.status()).isEqualTo(DeliveryStatus.EXPIRED);
            assertThat(copy.attempts()).isEqualTo(1);
            assertThat(copy.lastError()).isEqualTo("deadline 2030-01-01T00:10:00Z passed after 1 attempts");
        });
    }

    private List<EventStore.Claimed> claim(Instant now) {
        return transactions.execute(tx -> store.claimDue(now, 10, Duration.ofMinutes(1))).toSend();
    }

    private static List<Long> ids(List<EventStore.Claimed> claimed) {
        return claimed.stream().map(EventStore.Claimed::id).toList();
    }
}
