package dev.dragoman.gateway.saga;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.metrics.EventMetrics;
import dev.dragoman.gateway.outbox.EventStore;
import dev.dragoman.gateway.outbox.PollingLoop;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the sagas: the coordinator, what the outbox tells it of their copies, and the loop that times out sagas whose deadline has come. */
@Configuration(proxyBeanMethods = false)
class SagaConfiguration {

    @Bean
    SagaCoordinator sagaCoordinator(JdbcClient jdbc, EventStore store, DragomanProperties properties, EventMetrics metrics) {
        return new SagaCoordinator(jdbc, store, properties.events().outcomeWindow(), metrics);
    }

    /** The deadline protocol's ears: the outbox tells it, in its own transaction, who acknowledged or refused a saga's copies. */
    @Bean
    SagaReceipts sagaReceipts(SagaCoordinator sagas) {
        return new SagaReceipts(sagas);
    }

    @Bean
    SagaSearches sagaSearches(JdbcClient jdbc) {
        return new SagaSearches(jdbc);
    }

    /** An operator's abort wakes the outbox, as timed-out sagas do, so the outcome and compensations go out at once. */
    @Bean
    SagaAborts sagaAborts(SagaCoordinator sagas, TransactionTemplate transactions, Clock clock, PollingLoop outboxLoop) {
        return new SagaAborts(sagas, transactions, clock, outboxLoop::wake);
    }

    @Bean
    PollingLoop sagaDeadlineLoop(SagaCoordinator sagas, TransactionTemplate transactions, Clock clock, DragomanProperties properties,
            PollingLoop outboxLoop) {
        SagaDeadlines deadlines = new SagaDeadlines(sagas, transactions, clock, outboxLoop::wake);
        return new PollingLoop("dragoman-saga-deadlines", properties.events().delivery().pollInterval(), deadlines::timeOutDue);
    }
}
