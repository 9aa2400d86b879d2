package dev.dragoman.gateway.intake;

import dev.dragoman.gateway.outbox.EventStore;
import dev.dragoman.gateway.outbox.OutboxEntry;
import dev.dragoman.gateway.saga.SagaConflictException;
import dev.dragoman.gateway.saga.SagaCoordinator;
import dev.dragoman.gateway.saga.UnknownSagaException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything intake reads from and writes to the database: the two lookups an event's plan needs,
 * and {@link #write}, which stores a plan whole or not at all.
 */
final class IntakeStore implements PlanWriter {

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
    @Override
    public Accepted write(EventPlan plan) {
        try {
            return transactions.execute(tx -> {
                long row = published.insert(plan.source(), plan.id(), plan.type(), plan.publisher(), plan.sagaId(), plan.deadline(),
                        plan.now());
                for (OutboxEntry copy : plan.copies()) {
                    outbox.enqueue(row, copy, plan.now());
                }
                applyToSaga(plan);
                return plan.accepted();
            });
        } catch (SagaConflictException e) {
            throw new IntakeRefusedException(EventProblems.sagaConflict(e.getMessage()));
        } catch (UnknownSagaException e) {
            throw new IntakeRefusedException(EventProblems.unknownSaga(e.getMessage()));
        }
    }

    /**
     * Stores several plans in one transaction, all or none: the ledger rows in one JDBC batch, all
     * their copies in another, then each plan's effect on its saga in the order given (a saga's
     * start before a report to it, when both are in the batch). Throws whatever the first refused
     * plan throws, unwrapped ({@code DuplicateKeyException}, {@code SagaConflictException},
     * {@code UnknownSagaException}): {@link GroupCommit} then stores the plans one by one with
     * {@link #write}, so that the refusal is told to its plan only.
     */
    List<Accepted> writeAll(List<EventPlan> plans) {
        return transactions.execute(tx -> {
            List<PublishedEvents.Row> rows = new ArrayList<>(plans.size());
            for (EventPlan plan : plans) {
                rows.add(new PublishedEvents.Row(plan.source(), plan.id(), plan.type(), plan.publisher(), plan.sagaId(), plan.deadline(),
                        plan.now()));
            }
            List<Long> ids = published.insertAll(rows);
            List<EventStore.NewCopy> copies = new ArrayList<>();
            List<Accepted> accepted = new ArrayList<>(plans.size());
            for (int i = 0; i < plans.size(); i++) {
                for (OutboxEntry copy : plans.get(i).copies()) {
                    copies.add(new EventStore.NewCopy(ids.get(i), copy, plans.get(i).now()));
                }
                accepted.add(plans.get(i).accepted());
            }
            outbox.enqueueAll(copies);
            plans.forEach(this::applyToSaga);
            return accepted;
        });
    }

    /** The plan's opening or report of its saga, which locks the saga's row as it always did (SagaCoordinator). */
    private void applyToSaga(EventPlan plan) {
        if (plan.opening() != null) {
            sagas.start(plan.opening(), plan.now());
        }
        if (plan.report() != null) {
            EventPlan.Report report = plan.report();
            sagas.report(report.saga(), plan.sagaId(), report.context(), report.type(), report.data(), plan.now());
        }
    }
}
