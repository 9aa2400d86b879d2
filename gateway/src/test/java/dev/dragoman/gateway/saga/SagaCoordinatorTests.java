package dev.dragoman.gateway.saga;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.events.EventMaps;
import dev.dragoman.gateway.events.TestDatabases;
import dev.dragoman.gateway.outbox.EventStore;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.dragoman.gateway.metrics.EventMetrics;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.rules.Translators;
import dev.dragoman.rules.model.Saga;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The coordinator on the embedded H2 and on a real PostgreSQL: two instances meeting the same deadline at once send
 * the outcome and the compensation once, because the saga's row is claimed by one of them.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class SagaCoordinatorTests {

    @Parameter
    String database;

    static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    HikariDataSource dataSource;
    TransactionTemplate transactions;
    EventStore store;
    SagaCoordinator instanceA;
    SagaCoordinator instanceB;
    Saga saga;
    ModelHolder models;

    @BeforeEach
    void twoInstancesOnOneDatabase() {
        dataSource = TestDatabases.create(database);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        models = ModelHolder.load(EventMaps.write(9), Translators::compile, Clock.systemUTC(), DragomanProperties.Overrides.NONE);
        saga = models.current().model().sagas().get(0);
        EventMetrics metrics = new EventMetrics(new SimpleMeterRegistry());
        store = new EventStore(JdbcClient.create(dataSource));
        instanceA = new SagaCoordinator(JdbcClient.create(dataSource), store, Duration.ofDays(1), metrics);
        instanceB = new SagaCoordinator(JdbcClient.create(dataSource), store, Duration.ofDays(1), metrics);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void twoInstancesMeetingOneDeadline_sendItsOutcomeAndCompensationOnce() throws Exception {
        String sagaId = open();
        transactions.executeWithoutResult(tx -> instanceA.report(saga, sagaId, "payment", "payment.captured",
                "{\"amount\":10000}".getBytes(StandardCharsets.UTF_8), START.plusSeconds(1)));
        Instant late = START.plus(Duration.ofMinutes(10));

        CountDownLatch aHoldsTheSaga = new CountDownLatch(1);
        CountDownLatch bLooked = new CountDownLatch(1);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> {
            int timedOut = instanceA.timeOutDue(late, 50);
            aHoldsTheSaga.countDown();
            TestDatabases.await(bLooked);
            return timedOut;
        }));
        TestDatabases.await(aHoldsTheSaga);
        int b = transactions.execute(tx -> instanceB.timeOutDue(late, 50));
        bLooked.countDown();

        assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(b).as("the saga claimed by A is skipped by B").isZero();
        assertThat(timeOutDue(instanceB, late.plusSeconds(1))).as("and once ended, it is not due again").isZero();
        var view = instanceB.view(sagaId).orElseThrow();
        assertThat(view.state().status()).isEqualTo(SagaStatus.TIMED_OUT);
        assertThat(view.deliveries()).extracting(d -> d.type() + " to " + d.receiver()).containsExactly(
                "order.cancelled to order", "order.cancelled to product", "order.cancelled to payment", "payment.refund to payment");
    }

    @Test
    void aSagaFarFromItsDeadline_isNotDue() {
        open();
        assertThat(timeOutDue(instanceA, START.plus(Duration.ofMinutes(9)))).isZero();
    }

    private int timeOutDue(SagaCoordinator instance, Instant now) {
        Integer timedOut = transactions.execute(tx -> instance.timeOutDue(now, 50));
        return timedOut;
    }

    private String open() {
        String sagaId = UUID.randomUUID().toString();
        Map<String, byte[]> data = new LinkedHashMap<>();
        Map<String, String> endpoints = new LinkedHashMap<>();
        for (String receiver : new String[] {"order", "product", "payment"}) {
            data.put(receiver, "{\"items\":[]}".getBytes(StandardCharsets.UTF_8));
            endpoints.put(receiver, models.current().inboxOf(receiver));
        }
        transactions.executeWithoutResult(tx -> instanceA.start(new SagaOpening(saga, sagaId, "order", START.plus(Duration.ofMinutes(10)),
                "application/json", data, endpoints), START));
        return sagaId;
    }
}
