package dev.dragoman.gateway.saga;

import dev.dragoman.gateway.cloudevents.OutgoingEvents;
import dev.dragoman.gateway.outbox.EventStore;
import dev.dragoman.gateway.outbox.OutboxEntry;
import dev.dragoman.gateway.metrics.EventMetrics;
import dev.dragoman.rules.model.Saga;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs sagas (SPEC section 6): stores what {@link SagaMachine} decides and puts the events it
 * sends in the outbox, in the caller's transaction, so that a compensation is queued exactly
 * when the state that says "compensated" is stored, and once.
 */
public final class SagaCoordinator {

    private static final Logger log = LoggerFactory.getLogger(SagaCoordinator.class);
    private static final String SOURCE = "/dragoman/sagas/";

    private final SagaStore store;
    private final EventStore outbox;
    private final Duration outcomeWindow;
    private final EventMetrics metrics;

    public SagaCoordinator(JdbcClient jdbc, EventStore outbox, Duration outcomeWindow, EventMetrics metrics) {
        this.store = new SagaStore(jdbc);
        this.outbox = outbox;
        this.outcomeWindow = outcomeWindow;
        this.metrics = metrics;
    }

    /**
     * Opens a saga instance.
     *
     * @throws SagaConflictException when the saga id is already taken
     */
    public void start(SagaOpening opening, Instant now) {
        Saga saga = opening.saga();
        String sagaId = opening.sagaId();
        String initiator = opening.initiator();
        Instant deadline = opening.deadline();
        SagaState state = SagaMachine.start(saga, sagaId, initiator, deadline, now);
        Map<String, String> data = new LinkedHashMap<>();
        Map<String, String> inboxes = new LinkedHashMap<>();
        opening.data().forEach((receiver, bytes) -> {
            data.put(receiver, bytes == null ? null : Base64.getEncoder().encodeToString(bytes));
            inboxes.put(receiver, opening.endpoints().get(receiver));
        });
        try {
            store.insert(new StoredSaga(state, SagaDeclaration.of(saga), new Receivers(opening.dataContentType(), data, inboxes),
                    opening.trace()));
        } catch (DuplicateKeyException e) {
            throw new SagaConflictException("sagaid '" + sagaId + "' already names a saga instance: give each"
                    + " instance its own sagaid, or leave it out to use the start event's id");
        }
        List<TimelineEntry> started = new ArrayList<>();
        started.add(new TimelineEntry(now, saga.start() + " from " + initiator + ": saga " + saga.name() + " started, deadline "
                + deadline, false));
        List<String> nowhere = state.receivers().stream()
                .filter(receiver -> inboxes.get(receiver) == null || inboxes.get(receiver).isEmpty()).toList();
        if (!nowhere.isEmpty()) {
            // Said at the start, not only at the abort: a map that gives a receiver no inbox aborts every instance.
            TimelineEntry warning = new TimelineEntry(now, String.join(", ", nowhere) + " has no inbox, so it cannot acknowledge "
                    + saga.outcome().completed() + " and this saga cannot be confirmed: it ends aborted; give " + String.join(", ", nowhere)
                    + " an inbox in the maps", true);
            started.add(warning);
            log.warn("Saga {} ({}): {}", sagaId, saga.name(), warning.what());
        }
        store.append(sagaId, started);
    }

    /**
     * Applies a participant's report.
     *
     * @throws UnknownSagaException when no saga has that id, or it is another saga's
     */
    public void report(Saga saga, String sagaId, String context, String type, byte[] data, Instant now) {
        StoredSaga stored = store.lock(sagaId).orElseThrow(() -> new UnknownSagaException("no saga instance has"
                + " sagaid '" + sagaId + "': a report carries the sagaid of the copy that started the participant's work"));
        if (!stored.state().sagaName().equals(saga.name())) {
            throw new UnknownSagaException("sagaid '" + sagaId + "' is an instance of saga "
                    + stored.state().sagaName() + ", and " + type + " reports to saga " + saga.name());
        }
        apply(stored, new SagaInput.Report(context, type, data == null ? null : new String(data, StandardCharsets.UTF_8)), now);
    }

    /**
     * A receiver took a copy of the saga's outcome or compensation. Run in the transaction that
     * records the copy delivered, so that the two commit together; the saga's row is locked, as
     * for a report, so that instances record acknowledgements one at a time.
     */
    public void acknowledged(String sagaId, String receiver, String type, Instant now) {
        store.lock(sagaId).ifPresentOrElse(stored -> apply(stored, new SagaInput.Acknowledged(receiver, type), now),
                () -> log.debug("{} acknowledged {} of saga {}, which is not stored", receiver, type, sagaId));
    }

    /**
     * The outbox gave up on a copy of the saga's outcome or compensation (refused, or expired).
     * Run in the transaction that records it, like {@link #acknowledged}.
     */
    public void refused(String sagaId, String receiver, String type, String reason, Instant now) {
        store.lock(sagaId).ifPresentOrElse(stored -> apply(stored, new SagaInput.Refused(receiver, type, reason == null ? "no reason given"
                        : reason), now),
                () -> log.debug("{} refused {} of saga {}, which is not stored", receiver, type, sagaId));
    }

    /** Times out the open and confirming sagas whose deadline has come; returns how many. Run in a transaction. */
    public int timeOutDue(Instant now, int limit) {
        List<StoredSaga> due = store.lockDue(now, limit);
        due.forEach(saga -> apply(saga, new SagaInput.Tick(), now));
        return due.size();
    }

    /**
     * An operator ends an open or confirming saga as {@link SagaStatus#ABORTED}: the machine
     * sends the aborted outcome and the compensations as a deadline would. Run in a transaction;
     * the saga's row is locked as for a report.
     *
     * @return the saga as it is now: aborted, or timed out when its deadline had already come
     *     (the machine acts on the deadline first, and the abort then changes nothing)
     * @throws UnknownSagaException when no saga has that id
     * @throws SagaEndedException when the saga had already ended
     */
    public SagaState abort(String sagaId, String operator, String reason, Instant now) {
        StoredSaga stored = store.lock(sagaId).orElseThrow(() -> new UnknownSagaException("no saga instance has sagaid '" + sagaId + "'"));
        if (stored.state().status().ended()) {
            throw new SagaEndedException(stored.state());
        }
        SagaState state = apply(stored, new SagaInput.Aborted(operator, reason), now);
        if (state.status() == SagaStatus.ABORTED) {
            metrics.sagaAbortedByOperator(state.sagaName());
        }
        return state;
    }

    public Optional<Instant> deadlineOf(String sagaId) {
        return store.deadlineOf(sagaId);
    }

    public Optional<SagaView> view(String sagaId) {
        return store.find(sagaId).map(saga -> new SagaView(saga.state(), store.timeline(sagaId), outbox.deliveriesOfSaga(sagaId)));
    }

    private SagaState apply(StoredSaga stored, SagaInput input, Instant now) {
        Saga saga = stored.declaration().toSaga();
        SagaStep step = SagaMachine.step(saga, stored.state(), input, now);
        SagaState state = step.state();
        if (!state.equals(stored.state())) {
            store.update(state);
        }
        store.append(state.sagaId(), step.timeline());
        for (TimelineEntry entry : step.timeline()) {
            if (entry.late()) {
                log.warn("Saga {} ({}): {}", state.sagaId(), state.sagaName(), entry.what());
            } else {
                log.info("Saga {} ({}): {}", state.sagaId(), state.sagaName(), entry.what());
            }
        }
        for (SagaCommand command : step.commands()) {
            outbox.enqueue(null, entry(stored, command, now), now);
        }
        if (!stored.state().status().ended() && state.status().ended()) {
            metrics.sagaEnded(state.sagaName(), switch (state.status()) {
                case COMPLETED -> "completed";
                case TIMED_OUT -> "timed-out";
                default -> "aborted";
            });
        }
        return state;
    }

    private OutboxEntry entry(StoredSaga stored, SagaCommand command, Instant now) {
        SagaState state = stored.state();
        Receivers receivers = stored.receivers();
        // The completed outcome never outlives the deadline; the aborted one and compensations are retried past it.
        Instant expiry = command.notAfter(state.deadline(), now, outcomeWindow);
        String source = SOURCE + state.sagaName();
        if (command instanceof SagaCommand.SendOutcome outcome) {
            String id = state.sagaId() + "/" + outcome.type();
            return new OutboxEntry(OutboxEntry.OUTCOME, source, id, outcome.type(), state.sagaId(), outcome.receiver(),
                    receivers.inboxOf(outcome.receiver()), OutgoingEvents.own(id, source, outcome.type(), receivers.dataContentType(),
                            receivers.dataOf(outcome.receiver()), state.sagaId(), state.deadline(), expiry, now, stored.trace()), expiry);
        }
        SagaCommand.SendCompensation compensation = (SagaCommand.SendCompensation) command;
        String id = state.sagaId() + "/" + compensation.type() + "/" + compensation.receiver();
        byte[] data = compensation.data() == null ? null : compensation.data().getBytes(StandardCharsets.UTF_8);
        return new OutboxEntry(OutboxEntry.COMPENSATION, source, id, compensation.type(), state.sagaId(), compensation.receiver(),
                receivers.inboxOf(compensation.receiver()), OutgoingEvents.own(id, source, compensation.type(), "application/json", data,
                        state.sagaId(), state.deadline(), expiry, now, stored.trace()), expiry);
    }
}
