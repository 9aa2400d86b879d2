package dev.dragoman.gateway.saga;

import dev.dragoman.gateway.outbox.DeliveryRecord;
import dev.dragoman.gateway.outbox.OutboxEntry;
import dev.dragoman.gateway.outbox.ResendGuard;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the deadline protocol allows an operator to send again (docs/ADMIN.md, "Re-sending").
 *
 * <ul>
 * <li>A forward copy (a participant's copy of the start event, or a report handed on) only while
 *     its saga is open, and never past the saga's deadline: after the saga ended, the participant
 *     would do work for a saga that is over and that nobody will confirm or compensate.</li>
 * <li>Never the {@code completed} outcome: it confirms a saga only before its deadline, and once it
 *     was refused or expired the saga aborted or timed out, so the aborted outcome is the truth.</li>
 * <li>The {@code aborted} outcome and compensations always: they undo or announce what already
 *     happened, the participants apply them once, and the machine ignores their acknowledgement.</li>
 * </ul>
 *
 * The saga's row is locked while the copy is re-queued, so that it cannot end in between.
 */
public final class SagaResendGuard implements ResendGuard {

    private final SagaStore store;

    public SagaResendGuard(JdbcClient jdbc) {
        this.store = new SagaStore(jdbc);
    }

    @Override
    public Verdict judge(DeliveryRecord copy, Instant deadline, Instant now) {
        if (copy.sagaId() == null) {
            return Verdict.allow(deadline, null);
        }
        Optional<StoredSaga> found = store.lock(copy.sagaId());
        if (found.isEmpty()) {
            // An event that carries a sagaid naming no instance: no saga to protect.
            return Verdict.allow(deadline, null);
        }
        SagaState saga = found.get().state();
        SagaDeclaration declaration = found.get().declaration();
        if (copy.kind().equals(OutboxEntry.COPY)) {
            if (saga.status().ended()) {
                return Verdict.refuse("a forward copy of saga " + saga.sagaId() + " (" + saga.sagaName() + "), which ended "
                        + word(saga.status()) + " at " + saga.endedAt() + ": " + copy.receiver()
                        + " would act on a saga that is over; its outcome and compensations are what may be re-sent");
            }
            if (!now.isBefore(saga.deadline())) {
                return Verdict.refuse("saga " + saga.sagaId() + " reached its deadline " + saga.deadline()
                        + " and is timing out: a forward copy would come too late");
            }
            return deadline.isAfter(saga.deadline())
                    ? Verdict.allow(saga.deadline(), "deadline shortened to the saga's, " + saga.deadline()
                            + ": a forward copy is not valid past it")
                    : Verdict.allow(deadline, null);
        }
        if (copy.kind().equals(OutboxEntry.OUTCOME) && copy.type().equals(declaration.completed())) {
            return Verdict.refuse("the completed outcome " + copy.type() + " confirms a saga only before its deadline (the deadline"
                    + " protocol), and saga " + saga.sagaId() + " is " + word(saga.status()) + ": re-send its "
                    + declaration.aborted() + " outcome and compensations instead");
        }
        return Verdict.allow(deadline, null);
    }

    @Override
    public void resent(DeliveryRecord copy, Instant deadline, Instant now) {
        if (copy.sagaId() != null && store.find(copy.sagaId()).isPresent()) {
            store.append(copy.sagaId(), List.of(new TimelineEntry(now, copy.type() + " re-sent to " + copy.receiver()
                    + " by an operator, to be delivered by " + deadline + " (it was " + copy.status().name().toLowerCase(Locale.ROOT)
                    + (copy.lastError() == null ? "" : ": " + copy.lastError()) + ")", false)));
        }
    }

    private static String word(SagaStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
