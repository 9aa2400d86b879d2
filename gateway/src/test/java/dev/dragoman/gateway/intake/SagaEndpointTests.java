package dev.dragoman.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.dragoman.gateway.config.DragomanProperties.Overrides;
import dev.dragoman.gateway.events.TestDatabases;
import dev.dragoman.gateway.metrics.EventMetrics;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.outbox.DeliveryRecord;
import dev.dragoman.gateway.outbox.EventStore;
import dev.dragoman.gateway.saga.SagaCoordinator;
import dev.dragoman.rules.Translators;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake and sagas agree on where a context's events go: a saga's outcome to a participant whose
 * delivery of the start event has its own endpoint goes to that endpoint, where the copy went.
 */
class SagaEndpointTests {

    HikariDataSource dataSource;
    TransactionTemplate transactions;
    EventStore outbox;
    SagaCoordinator sagas;
    EventIntake intake;

    @BeforeEach
    void onH2() {
        dataSource = TestDatabases.create("h2");
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        JdbcClient jdbc = JdbcClient.create(dataSource);
        EventMetrics metrics = new EventMetrics(new SimpleMeterRegistry());
        outbox = new EventStore(new JdbcTemplate(dataSource));
        sagas = new SagaCoordinator(jdbc, outbox, Duration.ofDays(1), metrics);
        ModelHolder models = ModelHolder.load(EventPlanTests.MAPS, Translators::compile, Clock.systemUTC(), Overrides.NONE);
        intake = new EventIntake(models, new IntakeStore(new PublishedEvents(new JdbcTemplate(dataSource)), outbox, sagas, transactions),
                Clock.fixed(EventPlanTests.NOW, ZoneOffset.UTC), Duration.ofHours(1), metrics, () -> { });
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void aSagasOutcome_toADeliveryWithItsOwnEndpoint_goesWhereTheStartEventsCopyWent() {
        intake.accept("order", CloudEventBuilder.v1().withId("start-1").withSource(URI.create("/order-service")).withType("order.placed")
                .withData("application/json", "{\"items\":[]}".getBytes(StandardCharsets.UTF_8)).build());
        Integer timedOut = transactions.execute(tx -> sagas.timeOutDue(EventPlanTests.NOW.plus(Duration.ofMinutes(11)), 50));
        assertThat(timedOut).isOne();

        Map<String, String> copies = outbox.deliveriesOfEvent("/order-service", "start-1").stream()
                .collect(Collectors.toMap(DeliveryRecord::receiver, DeliveryRecord::endpoint));
        Map<String, String> outcomes = outbox.deliveriesOfSaga("start-1").stream().filter(d -> d.kind().equals("outcome"))
                .collect(Collectors.toMap(DeliveryRecord::receiver, DeliveryRecord::endpoint));

        assertThat(copies).containsEntry("product", "http://127.0.0.1:9/product/orders");
        assertThat(outcomes).containsEntry("product", "http://127.0.0.1:9/product/orders")
                .containsEntry("payment", copies.get("payment"))
                .containsEntry("order", "http://127.0.0.1:9/order/events");
    }
}
