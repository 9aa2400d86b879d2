package dev.dragoman.gateway.intake;

import dev.dragoman.gateway.admin.EventAdminHandlers;
import dev.dragoman.gateway.outbox.Backoff;
import dev.dragoman.gateway.outbox.DaemonThreads;
import dev.dragoman.gateway.outbox.DeliveryWorker;
import dev.dragoman.gateway.outbox.EventStore;
import dev.dragoman.gateway.outbox.HttpTransport;
import dev.dragoman.gateway.outbox.Ticker;
import dev.dragoman.gateway.outbox.Transport;
import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.metrics.EventMetrics;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.saga.SagaCoordinator;
import dev.dragoman.gateway.saga.SagaDeadlines;
import dev.dragoman.gateway.security.CallerKeys;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Wires publishing ({@code POST /events}), the event store, delivery, sagas and their admin views. */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    @Bean
    EventMetrics eventMetrics(MeterRegistry registry) {
        return new EventMetrics(registry);
    }

    @Bean
    EventStore eventStore(JdbcClient jdbc) {
        return new EventStore(jdbc);
    }

    @Bean
    SagaCoordinator sagaCoordinator(JdbcClient jdbc, EventStore store, ModelHolder models, DragomanProperties properties,
            EventMetrics metrics) {
        return new SagaCoordinator(jdbc, store, models, properties.events().outcomeWindow(), metrics, properties.overrides());
    }

    @Bean
    HttpTransport httpTransport(DragomanProperties properties) {
        return new HttpTransport(properties.events().delivery().timeout());
    }

    /** @param transports HTTP always; Kafka when it is configured (KafkaConfiguration) */
    @Bean
    DeliveryWorker deliveryWorker(EventStore store, TransactionTemplate transactions, Clock clock, EventMetrics metrics,
            DragomanProperties properties, List<Transport> transports) {
        DragomanProperties.Delivery delivery = properties.events().delivery();
        return new DeliveryWorker(store, transactions, clock, metrics, new Backoff(delivery.firstRetry(), delivery.maxRetry()),
                delivery.timeout(), delivery.lease(), delivery.batchSize(), transports);
    }

    @Bean
    Ticker outboxTicker(DeliveryWorker worker, DragomanProperties properties) {
        Ticker ticker = new Ticker("dragoman-outbox", properties.events().delivery().pollInterval(), worker::poll);
        worker.whenRoomFrees(ticker::wake);
        return ticker;
    }

    @Bean
    Ticker sagaDeadlineTicker(SagaCoordinator sagas, TransactionTemplate transactions, Clock clock, DragomanProperties properties,
            Ticker outboxTicker) {
        SagaDeadlines deadlines = new SagaDeadlines(sagas, transactions, clock, outboxTicker::wake);
        return new Ticker("dragoman-saga-deadlines", properties.events().delivery().pollInterval(), deadlines::timeOutDue);
    }

    @Bean
    EventIntake eventIntake(ModelHolder models, EventStore store, SagaCoordinator sagas, TransactionTemplate transactions, Clock clock,
            DragomanProperties properties, EventMetrics metrics, Ticker outboxTicker) {
        return new EventIntake(models, store, sagas, transactions, clock, properties.events().defaultDeadline(), metrics,
                outboxTicker::wake, properties.overrides());
    }

    /** Threads for the blocking intake: about as many as the connection pool has connections (Hikari's default is 10). */
    @Bean(destroyMethod = "shutdown")
    ExecutorService intakeWorkers() {
        return Executors.newFixedThreadPool(10, DaemonThreads.named("dragoman-intake"));
    }

    @Bean
    RouterFunction<ServerResponse> eventRoutes(CallerKeys keys, EventIntake intake, DragomanProperties properties, EventMetrics metrics,
            SagaCoordinator sagas, EventStore store, Clock clock, ExecutorService intakeWorkers) {
        PublishHandler publish = new PublishHandler(keys, intake, (int) properties.events().maxEventSize().toBytes(), metrics,
                intakeWorkers);
        EventAdminHandlers admin = new EventAdminHandlers(sagas, store, clock);
        return RouterFunctions.route()
                .POST("/events", publish::publish)
                .GET("/admin/sagas", admin::openSagas)
                .GET("/admin/sagas/{sagaid}", admin::saga)
                .GET("/admin/events", admin::event)
                .build();
    }
}
