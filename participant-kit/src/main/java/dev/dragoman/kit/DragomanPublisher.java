package dev.dragoman.kit;

import dev.dragoman.kit.outbox.OutboxEvent;
import dev.dragoman.kit.outbox.OutboxStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes an event to Dragoman by writing it to the service's own outbox table. Called inside
 * the transaction that makes the change the event reports, the event commits or rolls back with
 * that change, so there is never an event about work that did not happen, nor work whose event
 * is lost. Outside a transaction the row is written at once. The relay sends it later, with
 * retries, but never after its deadline.
 */
public final class DragomanPublisher {

    private final OutboxStore outbox;
    private final JsonMapper mapper;
    private final Clock clock;
    private final Runnable wakeRelay;

    /** @param wakeRelay runs the relay's next pass now rather than at its next tick */
    public DragomanPublisher(OutboxStore outbox, JsonMapper mapper, Clock clock, Runnable wakeRelay) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
        this.wakeRelay = wakeRelay;
    }

    /**
     * An event without a saga id (a saga's start event then gets its id as saga id at the gateway).
     *
     * @return the event's CloudEvents {@code id}
     */
    public String publish(String type, Object data, Instant deadline) {
        return write(type, data, deadline, null);
    }

    /** An event of the saga {@code sagaId}: a report, or a start event that names its instance. */
    public String publish(String type, Object data, Instant deadline, String sagaId) {
        return write(type, data, deadline, Objects.requireNonNull(sagaId, "sagaId"));
    }

    private String write(String type, Object data, Instant deadline, String sagaId) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(deadline, "deadline");
        String id = UUID.randomUUID().toString();
        // Microseconds, as the gateway stores deadlines: what the service logs and what the admin API shows agree.
        Instant dueBy = deadline.truncatedTo(ChronoUnit.MICROS);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        outbox.insert(new OutboxEvent(id, type, sagaId, dueBy, mapper.writeValueAsString(data), now, 0), now);
        wakeRelayOnceCommitted();
        return id;
    }

    /** The relay cannot see the row before the commit, and a rolled-back row never: wake it after the commit only. */
    private void wakeRelayOnceCommitted() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wakeRelay.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeRelay.run();
            }
        });
    }
}
