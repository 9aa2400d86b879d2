package dev.dragoman.gateway.saga;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.events.EventMaps;
import dev.dragoman.gateway.events.TestDatabases;
import dev.dragoman.gateway.outbox.EventStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.springframework.jdbc.core.JdbcTemplate;
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
    SimpleMeterRegistry meters;

    @BeforeEach
    void twoInstancesOnOneDatabase() {
        dataSource = TestDatabases.create(database);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        models = ModelHolder.load(EventMaps.write(9), Translators::compile, Clock.systemUTC(), DragomanProperties.Overrides.NONE);
        saga = models.current().model().sagas().get(0);
        meters = new SimpleMeterRegistry();
        EventMetrics metrics = new EventMetrics(meters);
        store = new EventStore(new JdbcTemplate(dataSource));
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
    void aReceiverWithoutAnInbox_isNamedOnTheTimelineAtTheStart() {
        String sagaId = UUID.randomUUID().toString();
        Map<String, byte[]> data = new LinkedHashMap<>();
        Map<String, String> endpoints = new LinkedHashMap<>();
        for (String receiver : new String[] {"order", "product", "payment"}) {
            data.put(receiver, "{\"items\":[]}".getBytes(StandardCharsets.UTF_8));
            endpoints.put(receiver, receiver.equals("order") ? "" : models.current().inboxOf(receiver));
        }
        transactions.executeWithoutResult(tx -> instanceA.start(new SagaOpening(saga, sagaId, "order", START.plus(Duration.ofMinutes(10)),
                "application/json", data, endpoints), START));

        assertThat(instanceA.view(sagaId).orElseThrow().timeline()).filteredOn(TimelineEntry::late).extracting(TimelineEntry::what)
                .containsExactly("order has no inbox, so it cannot acknowledge order.confirmed and this saga cannot be confirmed:"
                        + " it ends aborted; give order an inbox in the maps");
    }

    @Test
    void aSagaFarFromItsDeadline_isNotDue() {
        open();
        assertThat(timeOutDue(instanceA, START.plus(Duration.ofMinutes(9)))).isZero();
    }

    @Test
    void theCompletedOutcomesExpireAtTheDeadline_andTheSagaCompletesWhenTheLastAcknowledgementCommits() {
        String sagaId = open();
        Instant deadline = START.plus(Duration.ofMinutes(10));
        report(sagaId, "product", "product.reserved", "{\"sku\":501}", START.plusSeconds(1));
        report(sagaId, "payment", "payment.captured", "{\"amount\":10000}", START.plusSeconds(2));

        assertThat(instanceA.view(sagaId).orElseThrow().state().status()).isEqualTo(SagaStatus.CONFIRMING);
        assertThat(instanceA.view(sagaId).orElseThrow().deliveries()).extracting(d -> d.type() + " to " + d.receiver() + " until " + d.deadline())
                .containsExactly("order.confirmed to order until " + deadline, "order.confirmed to product until " + deadline,
                        "order.confirmed to payment until " + deadline);

        transactions.executeWithoutResult(tx -> instanceA.acknowledged(sagaId, "order", "order.confirmed", START.plusSeconds(3)));
        transactions.executeWithoutResult(tx -> instanceB.acknowledged(sagaId, "payment", "order.confirmed", START.plusSeconds(4)));
        assertThat(timeOutDue(instanceB, START.plusSeconds(5))).as("a confirming saga before its deadline is not due").isZero();
        transactions.executeWithoutResult(tx -> instanceA.acknowledged(sagaId, "product", "order.confirmed", START.plusSeconds(6)));

        SagaView view = instanceB.view(sagaId).orElseThrow();
        assertThat(view.state().status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(view.state().acknowledged()).containsExactly("order", "payment", "product");
        assertThat(view.timeline()).last().extracting(TimelineEntry::what).isEqualTo("confirmed: every receiver acknowledged order.confirmed");
        assertThat(meters.get("dragoman.sagas.ended").tag("outcome", "completed").counter().count()).isEqualTo(1);
    }

    @Test
    void aConfirmingSagaMeetingItsDeadline_isTimedOut_andItsCompensationsOutliveTheDeadline() {
        String sagaId = open();
        report(sagaId, "product", "product.reserved", "{\"sku\":501}", START.plusSeconds(1));
        report(sagaId, "payment", "payment.captured", "{\"amount\":10000}", START.plusSeconds(2));
        transactions.executeWithoutResult(tx -> instanceA.acknowledged(sagaId, "order", "order.confirmed", START.plusSeconds(3)));
        Instant late = START.plus(Duration.ofMinutes(10));

        assertThat(timeOutDue(instanceB, late)).isEqualTo(1);

        SagaView view = instanceA.view(sagaId).orElseThrow();
        assertThat(view.state().status()).isEqualTo(SagaStatus.TIMED_OUT);
        assertThat(view.deliveries()).filteredOn(d -> !d.type().equals("order.confirmed"))
                .extracting(d -> d.type() + " to " + d.receiver() + " until " + d.deadline()).containsExactly(
                        "order.cancelled to order until " + late.plus(Duration.ofDays(1)),
                        "order.cancelled to product until " + late.plus(Duration.ofDays(1)),
                        "order.cancelled to payment until " + late.plus(Duration.ofDays(1)),
                        "product.release to product until " + late.plus(Duration.ofDays(1)),
                        "payment.refund to payment until " + late.plus(Duration.ofDays(1)));
        assertThat(view.timeline()).extracting(TimelineEntry::what).contains(
                "deadline " + late + " passed with order.confirmed not acknowledged by product, payment; saga timed out");
        transactions.executeWithoutResult(tx -> instanceA.refused(sagaId, "payment", "payment.refund", "HTTP 400 from x", late.plusSeconds(1)));
        assertThat(instanceA.view(sagaId).orElseThrow().timeline()).last().isEqualTo(new TimelineEntry(late.plusSeconds(1),
                "compensation payment.refund refused by payment: HTTP 400 from x; undo its work by hand", true));
    }

    @Test
    void twoInstancesHearingOfOneSagaAtOnce_takeTurns_onTheSagasRow() throws Exception {
        String sagaId = open();
        report(sagaId, "product", "product.reserved", "{\"sku\":501}", START.plusSeconds(1));
        report(sagaId, "payment", "payment.captured", "{\"amount\":10000}", START.plusSeconds(2));
        transactions.executeWithoutResult(tx -> instanceA.acknowledged(sagaId, "order", "order.confirmed", START.plusSeconds(3)));

        CountDownLatch aHoldsTheSaga = new CountDownLatch(1);
        CountDownLatch bIsWaiting = new CountDownLatch(1);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            instanceA.acknowledged(sagaId, "product", "order.confirmed", START.plusSeconds(4));
            aHoldsTheSaga.countDown();
            TestDatabases.await(bIsWaiting);
        }));
        TestDatabases.await(aHoldsTheSaga);
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx ->
                instanceB.refused(sagaId, "payment", "order.confirmed", "HTTP 409 from x", START.plusSeconds(5))));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !b.isDone());
        bIsWaiting.countDown();
        a.get(10, TimeUnit.SECONDS);
        b.get(10, TimeUnit.SECONDS);

        SagaView view = instanceA.view(sagaId).orElseThrow();
        assertThat(view.state().status()).as("B saw A's acknowledgement, then aborted").isEqualTo(SagaStatus.ABORTED);
        assertThat(view.state().acknowledged()).containsExactly("order", "product");
        assertThat(view.deliveries()).extracting(d -> d.type()).containsOnlyOnce("payment.refund", "product.release");
    }

    @Test
    void aSagaStoredBeforeTheDeadlineProtocol_readsAsConfirmedByEveryone_whenItHadCompleted() {
        String sagaId = open();
        report(sagaId, "product", "product.reserved", "{\"sku\":501}", START.plusSeconds(1));
        report(sagaId, "payment", "payment.captured", "{\"amount\":10000}", START.plusSeconds(2));
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String state = jdbc.sql("SELECT state FROM saga WHERE saga_id = ?").param(sagaId).query(String.class).single();
        // What the version before the protocol stored: no acknowledged list, completed at once.
        String legacy = state.replace(",\"acknowledged\":[]", "").replace("\"CONFIRMING\"", "\"COMPLETED\"")
                .replace("\"endedAt\":null", "\"endedAt\":\"" + START.plusSeconds(2) + "\"");
        assertThat(legacy).doesNotContain("acknowledged");
        jdbc.sql("UPDATE saga SET state = ?, status = 'COMPLETED' WHERE saga_id = ?").params(legacy, sagaId).update();

        SagaState read = instanceA.view(sagaId).orElseThrow().state();

        assertThat(read.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(read.acknowledged()).containsExactly("order", "product", "payment");
        assertThat(SagaStore.state(state.replace(",\"acknowledged\":[]", "")).acknowledged()).as("a legacy open one: nobody yet").isEmpty();
    }

    private void report(String sagaId, String context, String type, String data, Instant at) {
        transactions.executeWithoutResult(tx -> instanceA.report(saga, sagaId, context, type, data.getBytes(StandardCharsets.UTF_8), at));
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
