package dev.dragoman.gateway.retention;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.metrics.EventMetrics;
import dev.dragoman.gateway.outbox.PollingLoop;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the retention: the clean-up and the loop that runs it every {@code dragoman.events.cleanup.interval}. */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean
    Retention retention(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, EventMetrics metrics, DragomanProperties properties) {
        DragomanProperties.Events events = properties.events();
        DragomanProperties.Cleanup cleanup = events.cleanup();
        // The process name (pid@host) says who holds the task; the random part keeps two gateways in one JVM (the tests) apart.
        String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return new Retention(jdbc, transactions, clock, metrics,
                new Retention.Settings(events.retention(), events.refusedRetention(), cleanup.batchSize(), cleanup.interval(),
                        cleanup.lease()), new TaskLease(jdbc, "dragoman-retention", owner));
    }

    @Bean
    PollingLoop retentionLoop(Retention retention, DragomanProperties properties) {
        return new PollingLoop("dragoman-retention", properties.events().cleanup().interval(), retention::run);
    }
}
