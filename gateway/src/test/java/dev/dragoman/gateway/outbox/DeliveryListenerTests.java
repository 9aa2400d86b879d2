package dev.dragoman.gateway.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.dragoman.gateway.events.TestDatabases;
import dev.dragoman.gateway.metrics.EventMetrics;
import dev.dragoman.gateway.testing.TestUpstream;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery worker tells its listener how each copy finished (delivered, rejected, expired),
 * once, and in the transaction that records it: a listener that fails takes the record with it,
 * so the copy is sent again after its lease rather than finished without the listener knowing.
 * Real HTTP to a WireMock inbox, on the embedded H2 and on a real PostgreSQL.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class DeliveryListenerTests {

    @RegisterExtension
    static final TestUpstream inbox = TestUpstream.answering("{}");

    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Parameter
    String database;

    HikariDataSource dataSource;
    EventStore store;
    TransactionTemplate transactions;
    final List<DeliveryListener.FinishedCopy> heard = new CopyOnWriteArrayList<>();
    final AtomicBoolean listenerFails = new AtomicBoolean();

    @BeforeEach
    void database() {
        dataSource = TestDatabases.create(database);
        store = new EventStore(new JdbcTemplate(dataSource));
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void aDeliveredCopy_isHeardOfOnce_withItsKindSagaTypeAndReceiver() {
        enqueue(OutboxEntry.OUTCOME, "order.confirmed", "/order/events", NOW.plusSeconds(600));

        worker().poll();

        await().until(() -> heard.size() == 1);
        assertThat(heard).containsExactly(new DeliveryListener.FinishedCopy(OutboxEntry.OUTCOME, "saga-1", "order.confirmed", "order",
                DeliveryStatus.DELIVERED, null, NOW));
        assertThat(store.deliveriesOfSaga("saga-1")).singleElement().extracting(DeliveryRecord::status).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void aRejectedCopy_isHeardOfAsRefused_withTheReceiversAnswer() {
        inbox.stubFor(post(urlEqualTo("/order/events")).willReturn(aResponse().withStatus(409)));
        enqueue(OutboxEntry.OUTCOME, "order.confirmed", "/order/events", NOW.plusSeconds(600));

        worker().poll();

        await().until(() -> heard.size() == 1);
        assertThat(heard.get(0).status()).isEqualTo(DeliveryStatus.REJECTED);
        assertThat(heard.get(0).error()).isEqualTo("HTTP 409 from " + inbox.baseUrl() + "/order/events: a permanent refusal");
    }

    @Test
    void aCopyPastItsDeadline_isHeardOfAsRefused_expired_inTheClaimsTransaction() {
        enqueue(OutboxEntry.COMPENSATION, "payment.refund", "/payment/events", NOW);

        worker().poll();

        assertThat(heard).containsExactly(new DeliveryListener.FinishedCopy(OutboxEntry.COMPENSATION, "saga-1", "payment.refund", "order",
                DeliveryStatus.EXPIRED, "deadline 2030-01-01T00:00:00Z passed after 0 attempts", NOW));
    }

    @Test
    void aListenerThatFails_leavesTheCopyPending_soItIsSentAgainAfterItsLease() {
        listenerFails.set(true);
        enqueue(OutboxEntry.OUTCOME, "order.confirmed", "/order/events", NOW.plusSeconds(600));

        worker().poll();

        await().until(() -> !inbox.getAllServeEvents().isEmpty());
        await().untilAsserted(() -> assertThat(store.deliveriesOfSaga("saga-1")).singleElement().satisfies(copy -> {
            assertThat(copy.status()).as("its record rolled back with the listener").isEqualTo(DeliveryStatus.PENDING);
            assertThat(copy.nextAttemptAt()).as("due again when the lease runs out").isEqualTo(NOW.plusSeconds(5));
        }));
        assertThat(heard).isEmpty();
    }

    private void enqueue(String kind, String type, String path, Instant deadline) {
        transactions.executeWithoutResult(tx -> store.enqueue(null, new OutboxEntry(kind, "/dragoman/sagas/order-placement", "saga-1/" + type,
                type, "saga-1", "order", inbox.baseUrl() + path, "{}".getBytes(StandardCharsets.UTF_8), deadline), NOW));
    }

    private DeliveryWorker worker() {
        DeliveryListener listener = new DeliveryListener() {
            @Override
            public void delivered(FinishedCopy copy) {
                hear(copy);
            }

            @Override
            public void refused(FinishedCopy copy) {
                hear(copy);
            }
        };
        return new DeliveryWorker(store, transactions, Clock.fixed(NOW, ZoneOffset.UTC), new EventMetrics(new SimpleMeterRegistry()),
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30)), Duration.ofSeconds(2), Duration.ofSeconds(5), 10,
                List.of(new HttpTransport(Duration.ofSeconds(2))), listener);
    }

    private void hear(DeliveryListener.FinishedCopy copy) {
        if (listenerFails.get()) {
            throw new IllegalStateException("the listener's store is gone");
        }
        heard.add(copy);
    }
}
