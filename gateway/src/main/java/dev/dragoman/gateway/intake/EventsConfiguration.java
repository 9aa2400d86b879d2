package dev.dragoman.gateway.intake;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.metrics.EventMetrics;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.outbox.DaemonThreads;
import dev.dragoman.gateway.outbox.EventStore;
import dev.dragoman.gateway.outbox.PollingLoop;
import dev.dragoman.gateway.saga.SagaCoordinator;
import dev.dragoman.gateway.security.CallerKeys;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    /** @param outboxLoop woken after each commit that added copies, so that delivery starts at once */
    @Bean
    EventFrontDoor eventFrontDoor(ModelHolder models, IntakeStore store, GroupCommit groupCommit, Clock clock,
            DragomanProperties properties, EventMetrics metrics, PollingLoop outboxLoop) {
        EventIntake intake = new EventIntake(models, store, groupCommit, clock, properties.events().defaultDeadline(), metrics,
                outboxLoop::wake);
        return new EventFrontDoor(intake, (int) properties.events().maxEventSize().toBytes(), metrics);
    }

    /**
     * Threads for the blocking intake: about as many as the connection pool has connections
     * (Hikari's default is 10), plus a full group commit's worth, since a worker waiting for the
     * commit that holds its event holds no connection meanwhile.
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService intakeWorkers(DragomanProperties properties) {
        int batch = properties.events().intake().batchSize();
        return Executors.newFixedThreadPool(batch == 1 ? 10 : 10 + batch, DaemonThreads.named("dragoman-intake"));
    }

    @Bean
    RouterFunction<ServerResponse> eventRoutes(CallerKeys keys, EventFrontDoor frontDoor, ExecutorService intakeWorkers) {
        PublishHandler publish = new PublishHandler(keys, frontDoor, intakeWorkers);
        return RouterFunctions.route().POST("/events", publish::publish).build();
    }
}
