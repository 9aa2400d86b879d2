package dev.dragoman.gateway.saga;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What is known of one saga instance; immutable.
 *
 * <p>The instance keeps the participants it started with: a reload of the maps in mid-saga
 * neither adds anyone to it nor drops anyone from it.
 *
 * @param initiator the context that published the start event; it is told the outcome
 * @param endedAt when the saga ended, or null while it is {@link SagaStatus#OPEN}
 * @param participants in declaration order
 */
public record SagaState(String sagaId, String sagaName, String initiator, SagaStatus status, Instant deadline,
        Instant startedAt, Instant endedAt, List<ParticipantState> participants) {

    public SagaState {
        Objects.requireNonNull(sagaId, "sagaId");
        Objects.requireNonNull(sagaName, "sagaName");
        Objects.requireNonNull(initiator, "initiator");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(startedAt, "startedAt");
        participants = List.copyOf(Objects.requireNonNull(participants, "participants"));
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("saga " + sagaId + " has no participants");
        }
        if (status.ended() != (endedAt != null)) {
            throw new IllegalArgumentException("saga " + sagaId + " is " + status + " but its end is " + endedAt);
        }
        Set<String> contexts = new HashSet<>();
        for (ParticipantState p : participants) {
            if (!contexts.add(p.context())) {
                throw new IllegalArgumentException("saga " + sagaId + " lists participant '" + p.context() + "' twice");
            }
            // The states the machine can never reach: refused, so that a store's bug shows where it is made.
            if (status == SagaStatus.OPEN && (p.status() == ParticipantStatus.FAILED || p.compensated())) {
                throw new IllegalArgumentException("saga " + sagaId + " is OPEN but participant '" + p.context() + "' is "
                        + (p.compensated() ? "compensated" : p.status()));
            }
            if (status == SagaStatus.COMPLETED && (p.status() != ParticipantStatus.COMPLETED || p.compensated())) {
                throw new IllegalArgumentException("saga " + sagaId + " is COMPLETED but participant '" + p.context() + "' is "
                        + (p.compensated() ? "compensated" : p.status()));
            }
        }
    }

    /** The participant of that context, if it is one. */
    public Optional<ParticipantState> participant(String context) {
        return participants.stream().filter(p -> p.context().equals(context)).findFirst();
    }

    /** The contexts that have not reported yet, in declaration order. */
    public List<String> pendingContexts() {
        return participants.stream().filter(p -> p.status() == ParticipantStatus.PENDING).map(ParticipantState::context).toList();
    }

    SagaState with(ParticipantState changed) {
        List<ParticipantState> list = new ArrayList<>(participants);
        list.replaceAll(p -> p.context().equals(changed.context()) ? changed : p);
        return new SagaState(sagaId, sagaName, initiator, status, deadline, startedAt, endedAt, list);
    }

    SagaState ended(SagaStatus end, Instant at) {
        return new SagaState(sagaId, sagaName, initiator, end, deadline, startedAt, at, participants);
    }
}
