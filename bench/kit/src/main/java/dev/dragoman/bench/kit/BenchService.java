package dev.dragoman.bench.kit;

import dev.dragoman.kit.DragomanPublisher;
import dev.dragoman.kit.SagaStep;
import dev.dragoman.kit.StepResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department as small as it gets: Spring Boot's auto-configuration (DataSource, transactions,
 * the kit's), a ledger table of its own ({@code schema.sql}), a transactional service that records
 * an amount with or without publishing it, and one saga step whose compensation writes the refund
 * and notes when it ran.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({BenchService.Ledger.class, BenchService.Compensations.class})
public class BenchService {

    /** The saga step the watchdog rolls back; its rows are inserted as the kit writes them (see {@link WatchdogLateness}). */
    static final String STEP = "bench.payment.requested";

    /**
     * Starts the service on {@code jdbcUrl} with the kit pointed at {@code gatewayUrl}; {@code extra} are further
     * properties ({@code name=value}), e.g. the relay's batch size.
     */
    static ConfigurableApplicationContext start(String jdbcUrl, String user, String gatewayUrl, String... extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.application.name", "bench-service");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", user);
        properties.put("spring.sql.init.mode", "always");
        properties.put("logging.level.root", "WARN");
        properties.put("dragoman.kit.gateway-url", gatewayUrl);
        properties.put("dragoman.kit.api-key", "bench-key");
        for (String property : extra) {
            int eq = property.indexOf('=');
            properties.put(property.substring(0, eq), property.substring(eq + 1));
        }
        return new SpringApplicationBuilder(BenchService.class).properties(properties).run();
    }

    @Bean
    SagaStep capture(Compensations compensations) {
        return SagaStep.on(STEP)
                .reports("bench.payment.captured", "bench.payment.declined")
                .outcomes("bench.order.confirmed", "bench.order.cancelled")
                .compensation("bench.payment.refund", "$.amount")
                .handle(request -> StepResult.completed(request.data()))
                .compensate((sagaId, refund) -> compensations.refund(sagaId, refund.get("amount").asLong()));
    }

    /** The service's transactions, as a department writes them: a business row, and its event in the same transaction. */
    @Component
    public static class Ledger {

        private final JdbcClient jdbc;
        private final DragomanPublisher publisher;

        public Ledger(JdbcClient jdbc, DragomanPublisher publisher) {
            this.jdbc = jdbc;
            this.publisher = publisher;
        }

        /** The baseline: the same transaction without the event. */
        @Transactional
        public void record(String reference, long amount) {
            jdbc.sql("INSERT INTO ledger (reference, amount) VALUES (?, ?)").params(reference, amount).update();
        }

        @Transactional
        public String recordAndPublish(String reference, long amount, Instant deadline) {
            return recordAndPublish("bench.recorded", reference, amount, deadline);
        }

        @Transactional
        public String recordAndPublish(String type, String reference, long amount, Instant deadline) {
            jdbc.sql("INSERT INTO ledger (reference, amount) VALUES (?, ?)").params(reference, amount).update();
            return publisher.publish(type, new Recorded(reference, amount), deadline);
        }
    }

    /** The event's data: what a department would say about the change. */
    public record Recorded(String reference, long amount) {
    }

    /** The step's compensation: a refund row in the watchdog's transaction, and the moment it ran, for the lateness. */
    @Component
    public static class Compensations {

        private final JdbcClient jdbc;
        private final Map<String, Instant> ranAt = new ConcurrentHashMap<>();

        public Compensations(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        void refund(String sagaId, long amount) {
            jdbc.sql("INSERT INTO ledger (reference, amount) VALUES (?, ?)").params(sagaId, amount).update();
            ranAt.put(sagaId, Instant.now());
        }

        Map<String, Instant> ranAt() {
            return ranAt;
        }

        void forget() {
            ranAt.clear();
        }
    }
}
