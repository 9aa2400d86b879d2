package dev.dragoman.gateway.outbox;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.metrics.EventMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the outbox: its store, delivery over HTTP (and Kafka, OutboxKafkaConfiguration), and the loop that polls it. */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    EventMetrics eventMetrics(MeterRegistry registry) {
        return new EventMetrics(registry);
    }

    @Bean
    EventStore eventStore(JdbcTemplate jdbc) {
        return new EventStore(jdbc);
    }

    @Bean
    HttpTransport httpTransport(DragomanProperties properties) {
        return new HttpTransport(properties.events().delivery().timeout());
    }

    /**
     * @param transports HTTP always; Kafka when it is configured (OutboxKafkaConfiguration); each attempt a span (TracedTransport)
     * @param listeners told how each copy finished: the sagas' (SagaConfiguration), which the outbox cannot name
     * @param propagator Boot's W3C propagator, absent when tracing is off
     */
    @Bean
    DeliveryWorker deliveryWorker(EventStore store, TransactionTemplate transactions, Clock clock, EventMetrics metrics,
            DragomanProperties properties, List<Transport> transports, List<DeliveryListener> listeners,
            ObjectProvider<Propagator> propagator) {
        DragomanProperties.Delivery delivery = properties.events().delivery();
        Propagator w3c = propagator.getIfAvailable(() -> Propagator.NOOP);
        List<Transport> traced = transports.stream().map(transport -> (Transport) new TracedTransport(transport, w3c)).toList();
        return new DeliveryWorker(store, transactions, clock, metrics, new Backoff(delivery.firstRetry(), delivery.maxRetry()),
                delivery.timeout(), delivery.lease(), delivery.batchSize(), traced, DeliveryListener.all(listeners));
    }

    /** Polls the outbox every poll interval; whoever adds copies wakes it (injected by this bean's name, outboxLoop). */
    @Bean
    PollingLoop outboxLoop(DeliveryWorker worker, DragomanProperties properties) {
        PollingLoop loop = new PollingLoop("dragoman-outbox", properties.events().delivery().pollInterval(), worker::poll);
        worker.whenRoomFrees(loop::wake);
        return loop;
    }
}
