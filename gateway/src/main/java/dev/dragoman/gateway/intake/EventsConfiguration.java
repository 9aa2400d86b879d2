package dev.dragoman.gateway.intake;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.metrics.EventMetrics;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.outbox.DaemonThreads;
import dev.dragoman.gateway.outbox.EventStore;
import dev.dragoman.gateway.outbox.PollingLoop;
import dev.dragoman.gateway.saga.SagaCoordinator;
import dev.dragoman.gateway.security.CallerKeys;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Wires publishing: the intake and its front door, and {@code POST /events} (Kafka's listeners: KafkaInboundConfiguration). */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    @Bean
    PublishedEvents publishedEvents(JdbcTemplate jdbc) {
        return new PublishedEvents(jdbc);
    }

    @Bean
    IntakeStore intakeStore(PublishedEvents published, EventStore outbox, SagaCoordinator sagas, TransactionTemplate transactions) {
        return new IntakeStore(published, outbox, sagas, transactions);
    }

    /** Closed with the context (after the front door, before the data source): the batch being committed finishes. */
    @Bean
    GroupCommit groupCommit(IntakeStore store, DragomanProperties properties, EventMetrics metrics) {
        DragomanProperties.Intake intake = properties.events().intake();
        return new GroupCommit(store, intake.batchSize(), intake.window(), metrics);
    }

    /**
     * @param outboxLoop woken after each commit that added copies, so that delivery starts at once
     * @param tracer with the propagator, the trace each publish hands its copies (Boot's, absent when tracing is off)
     */
    @Bean
    EventFrontDoor eventFrontDoor(ModelHolder models, IntakeStore store, GroupCommit groupCommit, Clock clock,
            DragomanProperties properties, EventMetrics metrics, PollingLoop outboxLoop,
            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        EventIntake intake = new EventIntake(models, store, groupCommit, clock, properties.events().defaultDeadline(), metrics,
                outboxLoop::wake);
        return new EventFrontDoor(intake, (int) properties.events().maxEventSize().toBytes(), metrics,
                new CurrentTrace(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP)));
    }

    /**
     * Threads for the blocking intake: about as many as the connection pool has connections
     * (Hikari's default is 10), plus a full group commit's worth, since a worker waiting for the
     * commit that holds its event holds no connection meanwhile. Each task runs in the context of
     * the thread that handed it over (the publish's span, so its log lines carry the trace id).
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService intakeWorkers(DragomanProperties properties) {
        int batch = properties.events().intake().batchSize();
        ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();
        return ContextExecutorService.wrap(Executors.newFixedThreadPool(batch == 1 ? 10 : 10 + batch, DaemonThreads.named("dragoman-intake")),
                snapshots::captureAll);
    }

    @Bean
    RouterFunction<ServerResponse> eventRoutes(CallerKeys keys, EventFrontDoor frontDoor, ExecutorService intakeWorkers) {
        PublishHandler publish = new PublishHandler(keys, frontDoor, intakeWorkers);
        return RouterFunctions.route().POST("/events", publish::publish).build();
    }
}
