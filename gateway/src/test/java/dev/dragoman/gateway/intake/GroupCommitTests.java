package dev.dragoman.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.dragoman.gateway.config.DragomanProperties.Overrides;
import dev.dragoman.gateway.events.TestDatabases;
import dev.dragoman.gateway.metrics.EventMetrics;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.outbox.EventStore;
import dev.dragoman.gateway.saga.SagaCoordinator;
import dev.dragoman.rules.Translators;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit on H2 and on a real PostgreSQL: concurrent publishers share transactions, each
 * hears its own answer after the commit that holds its event, and a plan refused inside a batch
 * fails only itself. The batches are made certain, not hoped for: a window far longer than the
 * test, and a batch size equal to the number of publishers, so that a batch commits exactly when
 * every publisher's plan is in it.
 */
class GroupCommitTests {

    private static final Duration WAIT_FOR_ALL = Duration.ofMinutes(1);

    HikariDataSource dataSource;
    JdbcClient jdbc;
    SimpleMeterRegistry registry;
    SagaCoordinator sagas;
    IntakeStore store;
    GroupCommit groupCommit;
    EventIntake intake;
    /** The same intake without group commit, to set the scene without waiting for a batch to fill. */
    EventIntake alone;
    ExecutorService publishers;

    void open(String database, int batchSize, int threads) {
        dataSource = TestDatabases.create(database);
        dataSource.setMaximumPoolSize(Math.min(threads, 10));
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc = JdbcClient.create(dataSource);
        registry = new SimpleMeterRegistry();
        EventMetrics metrics = new EventMetrics(registry);
        EventStore outbox = new EventStore(new JdbcTemplate(dataSource));
        sagas = new SagaCoordinator(jdbc, outbox, Duration.ofDays(1), metrics);
        store = new IntakeStore(new PublishedEvents(new JdbcTemplate(dataSource)), outbox, sagas, transactions);
        groupCommit = new GroupCommit(store, batchSize, WAIT_FOR_ALL, metrics);
        ModelHolder models = ModelHolder.load(EventPlanTests.MAPS, Translators::compile, Clock.systemUTC(), Overrides.NONE);
        intake = new EventIntake(models, store, groupCommit, Clock.fixed(EventPlanTests.NOW, ZoneOffset.UTC), Duration.ofHours(1), metrics,
                () -> { });
        alone = new EventIntake(models, store, Clock.fixed(EventPlanTests.NOW, ZoneOffset.UTC), Duration.ofHours(1), metrics, () -> { });
        publishers = Executors.newFixedThreadPool(threads);
    }

    @AfterEach
    void close() throws InterruptedException {
        if (publishers != null) {
            publishers.shutdownNow();
        }
        if (groupCommit != null) {
            groupCommit.close();
        }
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrentPublishers_eachGet202_andEveryCopyIsStoredOnce(String database) {
        int threads = 32;
        int rounds = 5;
        open(database, threads, threads);
        List<CloudEvent> events = new ArrayList<>();
        for (int n = 0; n < threads * rounds; n++) {
            // a saga's start (2 copies, a saga row) and a plain event (1 copy), in turn
            events.add(n % 2 == 0 ? event("order.placed", "placed-" + n).build() : event("order.plain", "plain-" + n).build());
        }

        List<Answer> answers = publishAll(events);

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.refusal()).as("refusal of %s", answer.eventId()).isNull();
            assertThat(answer.accepted().duplicate()).isFalse();
        });
        assertThat(count("SELECT COUNT(*) FROM published_event")).isEqualTo(events.size());
        assertThat(count("SELECT COUNT(*) FROM delivery")).isEqualTo(events.size() / 2 * 3);
        assertThat(count("SELECT COUNT(*) FROM (SELECT event_id, receiver FROM delivery GROUP BY event_id, receiver HAVING COUNT(*) > 1) twice"))
                .as("copies stored twice").isZero();
        assertThat(count("SELECT COUNT(*) FROM saga")).isEqualTo(events.size() / 2);
        DistributionSummary batches = registry.get("dragoman.events.intake.batch").summary();
        assertThat(batches.count()).as("transactions").isEqualTo(rounds);
        assertThat(batches.max()).as("the largest batch").isEqualTo(threads);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aPlanRefusedInABatch_failsOnlyItself(String database) {
        open(database, 4, 4);
        alone.accept("order", event("order.placed", "taken").build());

        List<Answer> answers = publishAll(List.of(
                event("order.plain", "fine-1").build(),
                event("order.placed", "another-start").withExtension("sagaid", "taken").build(),   // the saga exists: 409
                event("product.reserved", "report-1").withExtension("sagaid", "nowhere").build(),  // no such saga: 422
                event("order.plain", "fine-2").build()));

        assertThat(answers.get(0).accepted()).isNotNull();
        assertThat(answers.get(3).accepted()).isNotNull();
        assertThat(answers.get(1).status()).isEqualTo(409);
        assertThat(answers.get(2).status()).isEqualTo(422);
        assertThat(count("SELECT COUNT(*) FROM published_event WHERE event_id IN ('fine-1', 'fine-2')")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM published_event WHERE event_id IN ('another-start', 'report-1')")).isZero();
        assertThat(registry.get("dragoman.events.intake.batch.split").counter().count()).as("events stored one by one").isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void duplicatesRacingInOneBatch_getOne202AndOneDuplicate(String database) {
        open(database, 2, 2);

        List<Answer> answers = publishAll(List.of(event("order.placed", "twice").build(), event("order.placed", "twice").build()));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.accepted()).as("answer %s", answer).isNotNull());
        assertThat(answers.stream().filter(answer -> answer.accepted().duplicate()).count()).as("duplicates").isOne();
        assertThat(count("SELECT COUNT(*) FROM published_event")).isOne();
        assertThat(count("SELECT COUNT(*) FROM delivery")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM saga")).isOne();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aSagasStartAndItsReport_inOneBatch_serializeAsTheyCame(String database) {
        open(database, 2, 1);
        // one publisher thread: the start is queued before the report, and the batch (of two) holds both
        CompletableFuture<Accepted> start = CompletableFuture.supplyAsync(() -> intake.accept("order", event("order.placed", "s-1").build()),
                publishers);
        Supplier<Accepted> report = () -> intake.accept("product", event("product.reserved", "r-1").withExtension("sagaid", "s-1").build());
        // the report is stored by the same batch only if the start is already waiting in the queue
        await().atMost(WAIT_FOR_ALL).until(() -> groupCommit.waiting() == 1);
        Accepted reported = report.get();

        assertThat(start.join().duplicate()).isFalse();
        assertThat(reported.sagaId()).isEqualTo("s-1");
        assertThat(count("SELECT COUNT(*) FROM saga_timeline WHERE saga_id = 's-1' AND what LIKE 'product.reserved%'"))
                .as("the report, applied after the start in the same transaction").isOne();
        assertThat(registry.get("dragoman.events.intake.batch").summary().max()).isEqualTo(2);
    }

    private List<Answer> publishAll(List<CloudEvent> events) {
        CountDownLatch ready = new CountDownLatch(1);
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (CloudEvent event : events) {
            String caller = event.getType().startsWith("product.") ? "product" : "order";
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    ready.await();
                    return new Answer(event.getId(), intake.accept(caller, event), null);
                } catch (IntakeRefusedException e) {
                    return new Answer(event.getId(), null, e);
                } catch (InterruptedException e) {
                    throw new CompletionException(e);
                }
            }, publishers));
        }
        ready.countDown();
        return answers.stream().map(answer -> {
            try {
                return answer.get(WAIT_FOR_ALL.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("a publisher got no answer", e);
            }
        }).toList();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static CloudEventBuilder event(String type, String id) {
        return CloudEventBuilder.v1().withId(id).withSource(URI.create("/" + type.substring(0, type.indexOf('.')) + "-service")).withType(type)
                .withData("application/json", "{\"items\":[]}".getBytes(StandardCharsets.UTF_8));
    }

    private record Answer(String eventId, Accepted accepted, IntakeRefusedException refusal) {
        int status() {
            return refusal == null ? 202 : refusal.problem().getStatus();
        }
    }
}
