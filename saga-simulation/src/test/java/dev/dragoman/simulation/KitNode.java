package dev.dragoman.simulation;

import dev.dragoman.kit.outbox.Backoff;
import dev.dragoman.kit.saga.SagaStepStore.Role;
import dev.dragoman.kit.saga.SagaStepStore.Status;
import dev.dragoman.kit.saga.StepDecision;
import dev.dragoman.kit.saga.StepDecision.Confirm;
import dev.dragoman.kit.saga.StepDecision.RefuseExpired;
import dev.dragoman.kit.saga.StepDecision.RefusePastDeadline;
import dev.dragoman.kit.saga.StepDecision.RefuseRolledBack;
import dev.dragoman.kit.saga.StepDecision.RememberRolledBack;
import dev.dragoman.kit.saga.StepDecision.RollBackOwn;
import dev.dragoman.kit.saga.StepDecision.RollBackWithCoordinatorData;
import dev.dragoman.kit.saga.StepDecision.RunStep;
import dev.dragoman.kit.saga.StepInput;
import dev.dragoman.kit.saga.StepMachine;
import dev.dragoman.simulation.Network.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A department on the kit, as a participant of the saga or as its initiator: the kit's inbox
 * (dedupe on the copy's id; a refusal is not remembered), the kit's real {@link StepMachine} for
 * every decision, the deadline watchdog, and the outbox relay that sends its events to the
 * gateway until their deadline and never after. The fields marked durable are its database and
 * outlive a crash; the ledger is the department's own table, so the invariant reads what was done
 * and undone, with which amounts.
 */
final class KitNode extends Node {

    /** Copies of the saga, as the kit's inbox takes them. */
    record Copy(String id, String type, String sagaId, Instant deadline, Instant expiryTime, String data) {
    }

    /** How a node answers, to show the simulation catches a department that breaks the protocol. */
    enum Behaviour {
        KIT,
        /** Answers 2xx to a {@code confirmed} it should refuse (409 or 410: it rolled back, or will), and stays rolled back. */
        ACKNOWLEDGES_CONFIRMED_AFTER_ROLLBACK,
        /** Keeps a confirmed step when the saga turns aborted after all (a {@code cancelled} or a compensation after its acknowledgement). */
        KEEPS_CONFIRMED_STEP_ON_ABORT
    }

    private enum Sent { PENDING, SENT, REJECTED, EXPIRED }

    /** An event in the kit's outbox. */
    private final class OutEvent {
        final String id;
        final String type;
        final String data;
        final Instant deadline;
        Sent status = Sent.PENDING;
        int attempts;

        OutEvent(String id, String type, String data, Instant deadline) {
            this.id = id;
            this.type = type;
            this.data = data;
            this.deadline = deadline;
        }
    }

    private static final Pattern AMOUNT = Pattern.compile("\"amount\"\\s*:\\s*(-?\\d+)");
    private static final Duration WATCHDOG_INTERVAL = Duration.ofMillis(500);

    final Role role;
    final String step;
    final long amount;
    final boolean fails;
    private final Behaviour behaviour;
    private final Duration allowance;
    private final Backoff backoff;
    private final Network network;
    private final SagaTypes types;
    private Coordinator gateway;

    // durable: the kit's tables and the department's ledger
    private StepMachine.Row row;
    private final Set<String> inbox = new HashSet<>();
    private final List<OutEvent> outbox = new ArrayList<>();
    final List<Long> ledger = new ArrayList<>();
    boolean didStep;
    int undone;
    int confirmations;

    KitNode(World world, String name, Duration offset, Role role, String step, long amount, boolean fails, Behaviour behaviour,
            Duration allowance, Network network, SagaTypes types) {
        super(world, name, offset);
        this.role = role;
        this.step = step;
        this.amount = amount;
        this.fails = fails;
        this.behaviour = behaviour;
        this.allowance = allowance;
        this.backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), world.random);
        this.network = network;
        this.types = types;
    }

    void connect(Coordinator gateway) {
        this.gateway = gateway;
    }

    Optional<Status> status() {
        return Optional.ofNullable(row).map(StepMachine.Row::status);
    }

    /** The initiator places its order and starts the saga: the order and the start event commit together. */
    void startSaga(String sagaId, Instant deadline) {
        row = new StepMachine.Row(Status.COMPLETED, deadline);
        didStep = true;
        ledger.add(amount);
        log("order placed (+" + amount + "), saga " + sagaId + " with deadline " + offsetOf(deadline));
        publish(sagaId, types.start(), "{\"amount\":" + amount + "}", deadline);
        watch();
    }

    /** The kit's inbox: dedupe, then the step machine's decision carried out, remembered only on a 2xx. */
    Answer receive(Copy copy) {
        if (inbox.contains(copy.id())) {
            log("<- " + copy.type() + " [" + copy.id() + "]: duplicate, 200");
            return new Answer(200, "duplicate");
        }
        StepInput input = input(copy);
        if (input == null) {
            return new Answer(422, "no handler for " + copy.type());
        }
        StepDecision decision = StepMachine.decide(Optional.ofNullable(row), input, clock(), allowance);
        Answer answer = broken(input, decision).orElseGet(() -> carryOut(copy, decision));
        if (answer.success()) {
            inbox.add(copy.id());
        }
        log("<- " + copy.type() + " [" + copy.id() + "] at own clock " + offsetOf(clock()) + ": " + decision + " -> " + answer.status()
                + (answer.detail().startsWith("broken") ? " (" + answer.detail() + ")" : ""));
        return answer;
    }

    private StepInput input(Copy copy) {
        if (copy.type().equals(types.request(name)) && role == Role.PARTICIPANT) {
            return new StepInput.Request(copy.expiryTime());
        }
        if (copy.type().equals(types.confirmed())) {
            return new StepInput.Confirmed(copy.expiryTime());
        }
        if (copy.type().equals(types.cancelled())) {
            return new StepInput.Cancelled(role);
        }
        if (copy.type().equals(types.compensation(name)) && role == Role.PARTICIPANT) {
            return new StepInput.Compensation();
        }
        return null;
    }

    /** What a broken department does instead of the kit's decision, when its bug bites. */
    private Optional<Answer> broken(StepInput input, StepDecision decision) {
        boolean refusal = decision instanceof RefuseExpired || decision instanceof RefuseRolledBack || decision instanceof RefusePastDeadline;
        if (behaviour == Behaviour.ACKNOWLEDGES_CONFIRMED_AFTER_ROLLBACK && input instanceof StepInput.Confirmed && refusal) {
            return Optional.of(new Answer(200, "broken: acknowledged a confirmed it should refuse"));
        }
        boolean undo = decision instanceof RollBackOwn || decision instanceof RollBackWithCoordinatorData;
        if (behaviour == Behaviour.KEEPS_CONFIRMED_STEP_ON_ABORT && undo && row != null && row.status() == Status.CONFIRMED) {
            return Optional.of(new Answer(200, "broken: kept its confirmed step"));
        }
        return Optional.empty();
    }

    private Answer carryOut(Copy copy, StepDecision decision) {
        if (decision instanceof RefuseExpired) {
            return new Answer(410, "copy-expired");
        }
        if (decision instanceof RefuseRolledBack || decision instanceof RefusePastDeadline) {
            return new Answer(409, "saga-step-rolled-back");
        }
        if (decision instanceof RunStep) {
            if (fails) {
                row = new StepMachine.Row(Status.FAILED, copy.deadline());
                publish(copy.sagaId(), types.failed(name), "{}", copy.deadline());
            } else {
                row = new StepMachine.Row(Status.COMPLETED, copy.deadline());
                didStep = true;
                ledger.add(amount);
                publish(copy.sagaId(), types.completed(name), "{\"amount\":" + amount + "}", copy.deadline());
                watch();
            }
        } else if (decision instanceof Confirm) {
            row = new StepMachine.Row(Status.CONFIRMED, row.deadline());
            confirmations++;
        } else if (decision instanceof RollBackOwn) {
            undo(-amount, "own negation");
        } else if (decision instanceof RollBackWithCoordinatorData) {
            Matcher delta = AMOUNT.matcher(copy.data() == null ? "" : copy.data());
            undo(delta.find() ? Long.parseLong(delta.group(1)) : 0, "the coordinator's data " + copy.data());
            if (row == null) {
                row = new StepMachine.Row(Status.COMPENSATED, copy.deadline());
            }
        } else if (decision instanceof RememberRolledBack) {
            row = new StepMachine.Row(Status.COMPENSATED, copy.deadline());
        }
        return new Answer(200, "handled");
    }

    private void undo(long delta, String with) {
        ledger.add(delta);
        undone++;
        if (row != null) {
            row = new StepMachine.Row(Status.COMPENSATED, row.deadline());
        }
        log("rolled back with " + with + " (" + delta + ")");
    }

    /** The deadline watchdog: passes while a completed row waits for its deadline plus the allowance. */
    private void watch() {
        if (row == null || row.status() != Status.COMPLETED) {
            return;
        }
        at(clock().plus(WATCHDOG_INTERVAL), () -> {
            if (StepMachine.decide(Optional.ofNullable(row), new StepInput.WatchdogPass(), clock(), allowance) instanceof RollBackOwn) {
                log("watchdog at own clock " + offsetOf(clock()) + ": no confirmation by the deadline plus the allowance");
                undo(-amount, "own negation");
            }
            watch();
        });
    }

    private void publish(String sagaId, String type, String data, Instant deadline) {
        // The start event's id is the saga id; a report's id is its own.
        OutEvent event = new OutEvent(type.equals(types.start()) ? sagaId : sagaId + "/" + type, type, data, deadline);
        outbox.add(event);
        relay(event);
    }

    /** The relay: sends until the deadline by this node's clock, never after; unsent at the deadline, the event expires. */
    private void relay(OutEvent event) {
        if (event.status != Sent.PENDING) {
            return;
        }
        if (!clock().isBefore(event.deadline)) {
            event.status = Sent.EXPIRED;
            log("relay: " + event.type + " expired unsent after " + event.attempts + " attempts");
            return;
        }
        event.attempts++;
        String sagaId = event.id.contains("/") ? event.id.substring(0, event.id.indexOf('/')) : event.id;
        network.exchange(this, gateway, event.type + " [" + event.id + "] (attempt " + event.attempts + ")",
                () -> gateway.publish(new Coordinator.Published(event.id, name, event.type, sagaId, event.deadline, event.data)),
                answer -> {
                    if (answer.success()) {
                        event.status = Sent.SENT;
                    } else if (answer.status() >= 400 && answer.status() < 500 && answer.status() != 408 && answer.status() != 429) {
                        event.status = Sent.REJECTED;
                        log("relay: " + event.type + " rejected: " + answer.detail());
                    } else {
                        at(backoff.nextAttempt(clock(), event.attempts, null, event.deadline), () -> relay(event));
                    }
                });
    }

    @Override
    void restarted() {
        outbox.forEach(this::relay);
        watch();
    }

    static String offsetOf(Instant instant) {
        return String.format("%.3fs", Duration.between(World.START, instant).toMillis() / 1000.0);
    }
}
