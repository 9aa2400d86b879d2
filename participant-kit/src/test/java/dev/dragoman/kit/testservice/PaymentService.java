package dev.dragoman.kit.testservice;

import dev.dragoman.kit.DragomanPublisher;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The test department: a payment service that captures amounts in its ledger and reports each
 * capture through the kit, with the handlers and the unsent hook in {@link PaymentHandlers}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({PaymentService.Payments.class, PaymentHandlers.class})
public class PaymentService {

    /** Starts where every test can read it; tests move it. */
    public static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

    @Bean
    MovableClock clock() {
        return new MovableClock(START);
    }

    /** A transactional step: the ledger entry and its event commit together, or neither. */
    @Component
    public static class Payments {

        private final JdbcClient jdbc;
        private final DragomanPublisher publisher;
        private final AtomicReference<String> lastPublished = new AtomicReference<>();

        public Payments(JdbcClient jdbc, DragomanPublisher publisher) {
            this.jdbc = jdbc;
            this.publisher = publisher;
        }

        @Transactional
        public String capture(long amount, String sagaId, Instant deadline) {
            jdbc.sql("INSERT INTO ledger (entry_id, kind, amount, reference) VALUES (?, 'capture', ?, ?)")
                    .params(UUID.randomUUID().toString(), amount, sagaId).update();
            String id = publisher.publish("payment.captured", new Captured(amount), deadline, sagaId);
            lastPublished.set(id);
            return id;
        }

        /** The id of the last event published, also when its transaction then rolled back. */
        public String lastPublished() {
            return lastPublished.get();
        }

        @Transactional
        public void captureThenFail(long amount, String sagaId, Instant deadline) {
            capture(amount, sagaId, deadline);
            throw new IllegalStateException("the card network said no after the ledger entry was written");
        }
    }

    public record Captured(long amount) {
    }
}
