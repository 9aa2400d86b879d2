package dev.dragoman.gateway.intake;

import dev.dragoman.gateway.outbox.EventStore;
import dev.dragoman.gateway.outbox.OutboxEntry;
import dev.dragoman.gateway.saga.SagaConflictException;
import dev.dragoman.gateway.saga.SagaCoordinator;
import dev.dragoman.gateway.saga.UnknownSagaException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything intake reads from and writes to the database: the two lookups an event's plan needs,
 * and {@link #write}, which stores a plan whole or not at all.
 */
final class IntakeStore {

    private final PublishedEvents published;
    private final EventStore outbox;
    private final SagaCoordinator sagas;
    private final TransactionTemplate transactions;

    IntakeStore(PublishedEvents published, EventStore outbox, SagaCoordinator sagas, TransactionTemplate transactions) {
        this.published = published;
        this.outbox = outbox;
        this.sagas = sagas;
        this.transactions = transactions;
    }

    /** The event accepted before under this source and id, if any. */
    Optional<PublishedEvents.Published> published(String source, String eventId) {
        return published.find(source, eventId);
    }

    Optional<Instant> sagaDeadline(String sagaId) {
        return sagas.deadlineOf(sagaId);
    }

    /**
     * Stores the event, its copies and its effect on a saga in one transaction.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the same source and id were accepted meanwhile
     * @throws IntakeRefusedException when the saga refuses the event (409 saga-exists, 422 unknown-saga); nothing was stored
     */
    Accepted write(EventPlan plan) {
        try {
            return transactions.execute(tx -> {
                long row = published.insert(plan.source(), plan.id(), plan.type(), plan.publisher(), plan.sagaId(), plan.deadline(),
                        plan.now());
                for (OutboxEntry copy : plan.copies()) {
                    outbox.enqueue(row, copy, plan.now());
                }
                if (plan.opening() != null) {
                    sagas.start(plan.opening(), plan.now());
                }
                if (plan.report() != null) {
                    EventPlan.Report report = plan.report();
                    sagas.report(report.saga(), plan.sagaId(), report.context(), report.type(), report.data(), plan.now());
                }
                return plan.accepted();
            });
        } catch (SagaConflictException e) {
            throw new IntakeRefusedException(EventProblems.sagaConflict(e.getMessage()));
        } catch (UnknownSagaException e) {
            throw new IntakeRefusedException(EventProblems.unknownSaga(e.getMessage()));
        }
    }
}
