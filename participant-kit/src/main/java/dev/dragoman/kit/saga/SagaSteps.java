package dev.dragoman.kit.saga;

import dev.dragoman.kit.CopyRefused;
import dev.dragoman.kit.DragomanPublisher;
import dev.dragoman.kit.InboundEvent;
import dev.dragoman.kit.SagaAction;
import dev.dragoman.kit.SagaInitiator;
import dev.dragoman.kit.SagaStep;
import dev.dragoman.kit.StepResult;
import dev.dragoman.kit.saga.SagaStepStore.Role;
import dev.dragoman.kit.saga.SagaStepStore.Status;
import dev.dragoman.kit.saga.SagaStepStore.StepRow;
import dev.dragoman.kit.saga.StepDecision.Confirm;
import dev.dragoman.kit.saga.StepDecision.Nothing;
import dev.dragoman.kit.saga.StepDecision.RefuseExpired;
import dev.dragoman.kit.saga.StepDecision.RefusePastDeadline;
import dev.dragoman.kit.saga.StepDecision.RefuseRolledBack;
import dev.dragoman.kit.saga.StepDecision.RememberRolledBack;
import dev.dragoman.kit.saga.StepDecision.RollBackOwn;
import dev.dragoman.kit.saga.StepDecision.RollBackWithCoordinatorData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's saga steps and initiated sagas: carries out what {@link StepMachine} decides each
 * copy of theirs, and the watchdog's pass, does to a step's row. Every method runs in the caller's transaction (the inbox's, the watchdog's, the service's for
 * {@link #start}) and locks the step's row first, so a step rolls back once however an outcome, a
 * compensation and the watchdog race. A step is rolled back when the {@code confirmed} outcome has
 * not come by the deadline (the watchdog), when the {@code cancelled} outcome comes, or when
 * Dragoman's compensation comes; a {@code confirmed} that comes after the rollback, or at or after
 * the deadline plus the clock-skew allowance, is refused with 409 so that the coordinator learns
 * the step is undone. The kit's copies judge their expirytime here, not in the inbox: a request or a
 * {@code confirmed} expires at its expirytime plus the allowance, a {@code cancelled} outcome or a
 * compensation never.
 */
public class SagaSteps {

    private static final Logger log = LoggerFactory.getLogger(SagaSteps.class);

    /** A participant's step has nothing to do on {@code confirmed} but to remember it. */
    private static final SagaAction NOTHING = (sagaId, data) -> { };

    static final String NO_CONFIRMATION = "rolled back on its own: no confirmation by the deadline";

    private final Map<String, SagaStep> steps = new LinkedHashMap<>();
    private final Map<String, NegatePaths> negations = new LinkedHashMap<>();
    private final Map<String, SagaInitiator> initiators = new LinkedHashMap<>();
    private final SagaStepStore store;
    private final DragomanPublisher publisher;
    private final JsonMapper mapper;
    private final Clock clock;
    private final Duration allowance;

    public SagaSteps(List<SagaStep> steps, List<SagaInitiator> initiators, SagaStepStore store, DragomanPublisher publisher,
            JsonMapper mapper, Clock clock, Duration allowance) {
        for (SagaStep step : steps) {
            if (this.steps.putIfAbsent(step.on(), step) != null) {
                throw new IllegalStateException("two saga steps on '" + step.on() + "'; keep one");
            }
            negations.put(step.on(), NegatePaths.parse(step.negate()));
        }
        for (SagaInitiator initiator : initiators) {
            if (this.initiators.putIfAbsent(initiator.start(), initiator) != null || this.steps.containsKey(initiator.start())) {
                throw new IllegalStateException("two sagas or steps for '" + initiator.start() + "'; keep one");
            }
        }
        this.store = store;
        this.publisher = publisher;
        this.mapper = mapper;
        this.clock = clock;
        this.allowance = allowance;
    }

    /** The copy types the kit takes for these steps and sagas: requests, outcomes and compensations. */
    public Set<String> inboundTypes() {
        Set<String> types = new LinkedHashSet<>();
        steps.values().forEach(step -> {
            types.add(step.on());
            types.add(step.outcomeConfirmed());
            types.add(step.outcomeCancelled());
            types.add(step.compensation());
        });
        initiators.values().forEach(saga -> {
            types.add(saga.outcomeConfirmed());
            types.add(saga.outcomeCancelled());
        });
        return types;
    }

    /** Takes one copy of a type in {@link #inboundTypes()}. */
    public void take(InboundEvent copy) {
        String type = copy.type();
        if (copy.sagaId() == null) {
            throw new CopyRefused(422, "not-a-saga-copy", "Saga copy without sagaid",
                    type + " is a saga event of this service and needs the sagaid extension");
        }
        SagaStep step = steps.get(type);
        if (step != null) {
            runStep(step, copy);
        }
        for (SagaStep s : steps.values()) {
            if (type.equals(s.outcomeConfirmed())) {
                confirmed(copy, s.on(), NOTHING);
            }
            if (type.equals(s.outcomeCancelled())) {
                cancelled(copy, s.on(), true);
            }
            if (type.equals(s.compensation())) {
                compensation(copy, s);
            }
        }
        for (SagaInitiator saga : initiators.values()) {
            if (type.equals(saga.outcomeConfirmed())) {
                confirmed(copy, saga.start(), saga.onConfirmed());
            }
            if (type.equals(saga.outcomeCancelled())) {
                cancelled(copy, saga.start(), false);
            }
        }
    }

    /**
     * Starts a saga instance: publishes the start event through the outbox and records the saga with its
     * deadline, so that {@code onNotConfirmed} runs if {@code confirmed} has not come by then.
     *
     * @return the saga id (the start event's id, which Dragoman takes as the sagaid)
     */
    public String start(String startType, Object data, Instant deadline) {
        if (!initiators.containsKey(startType)) {
            throw new IllegalArgumentException("no SagaInitiator bean for start type '" + startType + "'");
        }
        String sagaId = publisher.publish(startType, data, deadline);
        store.insert(new StepRow(sagaId, startType, Role.INITIATOR, Status.COMPLETED, deadline.truncatedTo(ChronoUnit.MICROS),
                mapper.writeValueAsString(data), null), clock.instant());
        return sagaId;
    }

    private void runStep(SagaStep step, InboundEvent request) {
        Optional<StepRow> before = store.lock(request.sagaId(), step.on());
        Instant now = clock.instant();
        StepDecision decision = StepMachine.decide(before.map(SagaSteps::row), new StepInput.Request(request.expiryTime()), now, allowance);
        if (decision instanceof RefuseExpired expired) {
            throw expired(request, expired, now);
        }
        if (request.deadline() == null) {
            throw new CopyRefused(422, "no-deadline", "Saga copy without deadline",
                    request.type() + " starts a saga step and needs the deadline extension, which the watchdog keeps");
        }
        if (decision instanceof Nothing) {
            log.warn("Dragoman saga {}: step {} is already {}; the request {} changes nothing", request.sagaId(), step.on(),
                    before.orElseThrow().status(), request.id());
            return;
        }
        StepResult result;
        try {
            result = step.handler().handle(request);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (result == null) {
            throw new IllegalStateException("the handler of saga step " + step.on() + " returned no StepResult");
        }
        JsonNode data = mapper.valueToTree(result.data());
        if (result.completed()) {
            String problem = negations.get(step.on()).problemWith(data);
            if (problem != null) {
                throw new IllegalStateException("saga step " + step.on() + ": " + problem);
            }
            publisher.publish(step.completed(), data, request.deadline(), request.sagaId());
        } else {
            publisher.publish(step.failed(), data, request.deadline(), request.sagaId());
        }
        store.insert(new StepRow(request.sagaId(), step.on(), Role.PARTICIPANT, result.completed() ? Status.COMPLETED : Status.FAILED,
                request.deadline().truncatedTo(ChronoUnit.MICROS), mapper.writeValueAsString(data), null), now);
    }

    private void confirmed(InboundEvent outcome, String stepName, SagaAction onConfirmed) {
        Optional<StepRow> locked = store.lock(outcome.sagaId(), stepName);
        Instant now = clock.instant();
        StepDecision decision = StepMachine.decide(locked.map(SagaSteps::row), new StepInput.Confirmed(outcome.expiryTime()), now,
                allowance);
        if (decision instanceof RefuseExpired expired) {
            throw expired(outcome, expired, now);
        }
        if (decision instanceof RefuseRolledBack) {
            StepRow row = locked.orElseThrow();
            throw new CopyRefused(409, "saga-step-rolled-back", "The step was rolled back",
                    "saga " + row.sagaId() + ", step " + row.step() + " was rolled back at " + row.compensatedAt()
                            + " (deadline " + row.deadline() + "): " + outcome.type() + " came too late, the step stays undone");
        }
        if (decision instanceof RefusePastDeadline past) {
            StepRow row = locked.orElseThrow();
            throw new CopyRefused(409, "saga-step-rolled-back", "The step is past its deadline",
                    "saga " + row.sagaId() + ", step " + row.step() + ": " + outcome.type() + " came at " + now + ", at or after the deadline "
                            + row.deadline() + " plus the clock-skew allowance " + allowance + " (" + past.rollsBackAt()
                            + "); the step rolls back on its own");
        }
        if (decision instanceof Confirm) {
            StepRow row = locked.orElseThrow();
            store.confirm(row.sagaId(), row.step(), now);
            run(onConfirmed, row.sagaId(), parsed(row.data()));
        }
    }

    private void cancelled(InboundEvent outcome, String stepName, boolean participant) {
        Optional<StepRow> locked = store.lock(outcome.sagaId(), stepName);
        Instant now = clock.instant();
        StepDecision decision = StepMachine.decide(locked.map(SagaSteps::row),
                new StepInput.Cancelled(participant ? Role.PARTICIPANT : Role.INITIATOR), now, allowance);
        if (decision instanceof RememberRolledBack) {
            store.insert(new StepRow(outcome.sagaId(), stepName, Role.PARTICIPANT, Status.COMPENSATED,
                    outcome.deadline() == null ? now : outcome.deadline(), null, now), now);
        } else if (decision instanceof RollBackOwn) {
            StepRow row = locked.orElseThrow();
            rollBack(row, now);
            log.warn("Dragoman saga {}, step {}, deadline {}: rolled back: {} came", row.sagaId(), row.step(), row.deadline(), outcome.type());
        }
    }

    private void compensation(InboundEvent copy, SagaStep step) {
        Optional<StepRow> locked = store.lock(copy.sagaId(), step.on());
        Instant now = clock.instant();
        StepDecision decision = StepMachine.decide(locked.map(SagaSteps::row), new StepInput.Compensation(), now, allowance);
        if (!(decision instanceof RollBackWithCoordinatorData)) {
            return;
        }
        // Dragoman's data is the completed data negated as declared in its maps: the coordinator's word wins.
        run(step.compensate(), copy.sagaId(), copy.data());
        if (locked.isEmpty()) {
            store.insert(new StepRow(copy.sagaId(), step.on(), Role.PARTICIPANT, Status.COMPENSATED,
                    copy.deadline() == null ? now : copy.deadline(), null, now), now);
            return;
        }
        StepRow row = locked.get();
        store.compensated(row.sagaId(), row.step(), now);
        log.warn("Dragoman saga {}, step {}, deadline {}: rolled back: {} came", row.sagaId(), row.step(), row.deadline(), copy.type());
    }

    /**
     * The watchdog's part, in its transaction: rolls the step back if it is still completed and its deadline plus the
     * clock-skew allowance has come.
     *
     * @return whether it rolled the step back
     */
    public boolean rollBackIfOverdue(String sagaId, String stepName) {
        Optional<StepRow> locked = store.lock(sagaId, stepName);
        Instant now = clock.instant();
        if (!(StepMachine.decide(locked.map(SagaSteps::row), new StepInput.WatchdogPass(), now, allowance) instanceof RollBackOwn)) {
            return false;
        }
        StepRow row = locked.get();
        rollBack(row, now);
        log.warn("Dragoman saga {}, step {}, deadline {}: {}", row.sagaId(), row.step(), row.deadline(), NO_CONFIRMATION);
        return true;
    }

    /** How far the clocks of Dragoman and this service may be apart: every deadline of the service is read this much later. */
    public Duration allowance() {
        return allowance;
    }

    private static StepMachine.Row row(StepRow row) {
        return new StepMachine.Row(row.status(), row.deadline());
    }

    private CopyRefused expired(InboundEvent copy, RefuseExpired expired, Instant now) {
        return new CopyRefused(410, "copy-expired", "Copy past its expirytime", "event " + copy.id() + " expired at " + copy.expiryTime()
                + " (plus the clock-skew allowance " + allowance + ": " + expired.expiredAt() + ") and came at " + now);
    }

    private void rollBack(StepRow row, Instant now) {
        JsonNode data = parsed(row.data());
        if (row.role() == Role.PARTICIPANT) {
            SagaStep step = definition(row, steps);
            run(step.compensate(), row.sagaId(), negations.get(step.on()).negate(data));
        } else {
            run(definition(row, initiators).onNotConfirmed(), row.sagaId(), data);
        }
        store.compensated(row.sagaId(), row.step(), now);
    }

    private static <T> T definition(StepRow row, Map<String, T> definitions) {
        T definition = definitions.get(row.step());
        if (definition == null) {
            throw new IllegalStateException("saga " + row.sagaId() + " has a " + row.role() + " row for '" + row.step()
                    + "', which this service no longer declares; declare it again so that it can be rolled back");
        }
        return definition;
    }

    private JsonNode parsed(String data) {
        return data == null ? mapper.nullNode() : mapper.readTree(data);
    }

    private static void run(SagaAction action, String sagaId, JsonNode data) {
        try {
            action.run(sagaId, data);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
