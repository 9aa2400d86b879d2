package dev.dragoman.kit.testservice;

import dev.dragoman.kit.DragomanHandler;
import dev.dragoman.kit.EventHandler;
import dev.dragoman.kit.InboundEvent;
import dev.dragoman.kit.UnsentEvent;
import dev.dragoman.kit.UnsentEventHandler;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The test department's handlers, each writing to the ledger so that the test sees what committed. */
@Configuration(proxyBeanMethods = false)
public class PaymentHandlers {

    /** {@code payment.requested}: an annotated method taking the event's data. */
    @Component
    public static class Requests {

        private final JdbcClient jdbc;
        /** Whether each call ran inside a transaction. */
        public final List<Boolean> inTransaction = new CopyOnWriteArrayList<>();

        public Requests(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @DragomanHandler("payment.requested")
        public void requested(PaymentRequested request) {
            inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
            jdbc.sql("INSERT INTO ledger (entry_id, kind, amount, reference) VALUES (?, 'requested', ?, ?)")
                    .params(UUID.randomUUID().toString(), request.amount(), request.order()).update();
        }

        /** Writes, then fails: the write must roll back with the inbox row. */
        @DragomanHandler("payment.audit")
        public void audit(InboundEvent event) {
            jdbc.sql("INSERT INTO ledger (entry_id, kind, amount, reference) VALUES (?, 'audit', 0, ?)")
                    .params(UUID.randomUUID().toString(), event.id()).update();
            throw new IllegalStateException("the auditor is out to lunch");
        }
    }

    public record PaymentRequested(String order, long amount) {
    }

    /** {@code order.cancelled}: the interface form, which sees the whole event. */
    @Bean
    RecordingHandler orderCancelled() {
        return new RecordingHandler("order.cancelled");
    }

    public static final class RecordingHandler implements EventHandler {
        private final String type;
        public final List<InboundEvent> events = new CopyOnWriteArrayList<>();

        RecordingHandler(String type) {
            this.type = type;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public void handle(InboundEvent event) {
            events.add(event);
        }
    }

    /** Undoes the capture in the ledger when its report could not be sent, and remembers the call. */
    @Component
    public static class UndoCapture implements UnsentEventHandler {

        private final JdbcClient jdbc;
        public final List<UnsentEvent> calls = new CopyOnWriteArrayList<>();
        /** Sagas whose next undo writes and then fails, as a hook meeting a locked row would. */
        public final Set<String> failOnceFor = ConcurrentHashMap.newKeySet();

        public UndoCapture(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void onUnsent(UnsentEvent event) {
            calls.add(event);
            jdbc.sql("INSERT INTO ledger (entry_id, kind, amount, reference) VALUES (?, 'undo', ?, ?)")
                    .params(UUID.randomUUID().toString(), -event.data().get("amount").asLong(), event.id()).update();
            if (failOnceFor.remove(event.sagaId())) {
                throw new IllegalStateException("the ledger is being closed for the day");
            }
        }

        public List<UnsentEvent> callsFor(String id) {
            return calls.stream().filter(call -> call.id().equals(id)).toList();
        }
    }
}
