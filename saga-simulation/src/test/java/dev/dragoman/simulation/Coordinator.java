package dev.dragoman.simulation;

import dev.dragoman.gateway.saga.SagaCommand;
import dev.dragoman.gateway.saga.SagaCommand.SendCompensation;
import dev.dragoman.gateway.saga.SagaCommand.SendOutcome;
import dev.dragoman.gateway.saga.SagaInput;
import dev.dragoman.gateway.saga.SagaMachine;
import dev.dragoman.gateway.saga.SagaState;
import dev.dragoman.gateway.saga.SagaStep;
import dev.dragoman.gateway.saga.TimelineEntry;
import dev.dragoman.kit.outbox.Backoff;
import dev.dragoman.rules.model.Saga;
import dev.dragoman.simulation.Network.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gateway: the real {@link SagaMachine} (start, step) and a modelled outbox. Each copy the
 * saga sends (the step requests, and every {@link SagaCommand}) is retried with backoff until its
 * {@code notAfter}; a 2xx is {@link SagaInput.Acknowledged}, a refusal for good (409, 410, another
 * 4xx) or the copy's expiry is {@link SagaInput.Refused}; a tick at the deadline, and at every
 * restart, lets the machine time the saga out. Its saga row, its outbox and the events it took
 * are its database and outlive a crash.
 */
final class Coordinator extends Node {

    /** An event a department published to {@code POST /events}. */
    record Published(String id, String source, String type, String sagaId, Instant deadline, String data) {
    }

    private enum Delivery { PENDING, DELIVERED, REFUSED, EXPIRED }

    /** One copy in the gateway's outbox. */
    private final class OutCopy {
        final KitNode.Copy copy;
        final String receiver;
        final boolean command;
        final Instant notAfter;
        Delivery status = Delivery.PENDING;
        int attempts;

        OutCopy(KitNode.Copy copy, String receiver, boolean command, Instant notAfter) {
            this.copy = copy;
            this.receiver = receiver;
            this.command = command;
            this.notAfter = notAfter;
        }
    }

    private final Saga saga;
    private final SagaTypes types;
    private final Duration outcomeWindow;
    private final Network network;
    private final Backoff backoff;
    private Map<String, KitNode> departments;

    // durable: the saga's row, the outbox, the events taken
    SagaState state;
    private final List<OutCopy> outbox = new ArrayList<>();
    private final Set<String> taken = new HashSet<>();

    Coordinator(World world, Duration offset, Saga saga, SagaTypes types, Duration outcomeWindow, Network network) {
        super(world, "gateway", offset);
        this.saga = saga;
        this.types = types;
        this.outcomeWindow = outcomeWindow;
        this.network = network;
        this.backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), world.random);
    }

    void connect(Map<String, KitNode> departments) {
        this.departments = departments;
    }

    /** {@code POST /events}: the start event starts the saga and sends the step requests; a report steps it. */
    Answer publish(Published event) {
        if (!taken.add(event.source() + " " + event.id())) {
            log("<- " + event.type() + " from " + event.source() + ": duplicate, 202");
            return new Answer(202, "duplicate");
        }
        log("<- " + event.type() + " from " + event.source() + " at own clock " + KitNode.offsetOf(clock()));
        if (event.type().equals(types.start())) {
            if (state == null) {
                start(event);
            }
        } else if (state != null) {
            step(new SagaInput.Report(event.source(), event.type(), event.data()));
        }
        return new Answer(202, "accepted");
    }

    private void start(Published event) {
        state = SagaMachine.start(saga, event.sagaId(), event.source(), event.deadline(), clock());
        log("saga " + state.sagaId() + " started, deadline " + KitNode.offsetOf(state.deadline()));
        for (String participant : types.participants()) {
            // The start event translated for each participant: its deadline and expirytime are the saga's.
            KitNode.Copy request = new KitNode.Copy(state.sagaId() + "/" + types.request(participant), types.request(participant),
                    state.sagaId(), state.deadline(), state.deadline(), event.data());
            enqueue(new OutCopy(request, participant, false, state.deadline()));
        }
        step(new SagaInput.Tick());
        at(state.deadline(), () -> step(new SagaInput.Tick()));
    }

    private void step(SagaInput input) {
        Instant now = clock();
        SagaStep step = SagaMachine.step(saga, state, input, now);
        state = step.state();
        for (TimelineEntry entry : step.timeline()) {
            log("timeline: " + entry.what() + (entry.late() ? " (late)" : ""));
        }
        for (SagaCommand command : step.commands()) {
            Instant notAfter = command.notAfter(state.deadline(), now, outcomeWindow);
            if (command instanceof SendOutcome outcome) {
                enqueue(new OutCopy(new KitNode.Copy(state.sagaId() + "/" + outcome.type(), outcome.type(), state.sagaId(), state.deadline(),
                        notAfter, "{}"), outcome.receiver(), true, notAfter));
            } else if (command instanceof SendCompensation compensation) {
                enqueue(new OutCopy(new KitNode.Copy(state.sagaId() + "/" + compensation.type() + "/" + compensation.receiver(),
                        compensation.type(), state.sagaId(), state.deadline(), notAfter, compensation.data()), compensation.receiver(), true,
                        notAfter));
            }
        }
    }

    private void enqueue(OutCopy copy) {
        outbox.add(copy);
        deliver(copy);
    }

    /** The delivery worker for one copy: no attempt at or after its notAfter. */
    private void deliver(OutCopy out) {
        if (out.status != Delivery.PENDING) {
            return;
        }
        if (!clock().isBefore(out.notAfter)) {
            out.status = Delivery.EXPIRED;
            log(out.copy.type() + " to " + out.receiver + " expired after " + out.attempts + " attempts");
            if (out.command) {
                step(new SagaInput.Refused(out.receiver, out.copy.type(), "expired after " + out.attempts + " attempts"));
            }
            return;
        }
        out.attempts++;
        KitNode receiver = departments.get(out.receiver);
        network.exchange(this, receiver, out.copy.type() + " [" + out.copy.id() + "] (attempt " + out.attempts + ")",
                () -> receiver.receive(out.copy), answer -> {
                    if (answer.success()) {
                        out.status = Delivery.DELIVERED;
                        if (out.command) {
                            step(new SagaInput.Acknowledged(out.receiver, out.copy.type()));
                        }
                    } else if (answer.status() >= 400 && answer.status() < 500 && answer.status() != 408 && answer.status() != 429) {
                        out.status = Delivery.REFUSED;
                        log(out.copy.type() + " refused by " + out.receiver + ": HTTP " + answer.status() + " " + answer.detail());
                        if (out.command) {
                            step(new SagaInput.Refused(out.receiver, out.copy.type(), "HTTP " + answer.status() + " " + answer.detail()));
                        }
                    } else {
                        at(backoff.nextAttempt(clock(), out.attempts, null, out.notAfter), () -> deliver(out));
                    }
                });
    }

    /** The copies of an abort (the aborted outcome, compensations) that never got through: each is a delta an operator must undo. */
    List<String> lostAbortCopies() {
        return outbox.stream().filter(out -> out.command && !out.copy.type().equals(types.confirmed()) && out.status != Delivery.DELIVERED)
                .map(out -> out.copy.type() + " to " + out.receiver + " " + out.status.name().toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    @Override
    void restarted() {
        if (state != null) {
            step(new SagaInput.Tick());
            if (clock().isBefore(state.deadline())) {
                at(state.deadline(), () -> step(new SagaInput.Tick()));
            }
        }
        List.copyOf(outbox).forEach(this::deliver);
    }
}
