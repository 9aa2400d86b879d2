package dev.dragoman.gateway.saga;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
 * @param endedAt when the saga ended, or null while it is {@link SagaStatus#OPEN} or {@link SagaStatus#CONFIRMING}
 * @param participants in declaration order
 * @param acknowledged the receivers that acknowledged the completed outcome, in the order their
 *     acknowledgements arrived; empty until the saga is confirming (null reads as empty)
 */
public record SagaState(String sagaId, String sagaName, String initiator, SagaStatus status, Instant deadline,
        Instant startedAt, Instant endedAt, List<ParticipantState> participants, List<String> acknowledged) {

    public SagaState {
        Objects.requireNonNull(sagaId, "sagaId");
        Objects.requireNonNull(sagaName, "sagaName");
        Objects.requireNonNull(initiator, "initiator");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(startedAt, "startedAt");
        participants = List.copyOf(Objects.requireNonNull(participants, "participants"));
        acknowledged = acknowledged == null ? List.of() : List.copyOf(acknowledged);
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
            if ((status == SagaStatus.COMPLETED || status == SagaStatus.CONFIRMING)
                    && (p.status() != ParticipantStatus.COMPLETED || p.compensated())) {
                throw new IllegalArgumentException("saga " + sagaId + " is " + status + " but participant '" + p.context() + "' is "
                        + (p.compensated() ? "compensated" : p.status()));
            }
        }
        Set<String> receivers = receivers(initiator, participants);
        Set<String> acknowledging = new HashSet<>();
        for (String receiver : acknowledged) {
            if (!acknowledging.add(receiver)) {
                throw new IllegalArgumentException("saga " + sagaId + " lists '" + receiver + "' as acknowledging twice");
            }
            if (!receivers.contains(receiver)) {
                throw new IllegalArgumentException("saga " + sagaId + " lists '" + receiver + "' as acknowledging, which is no receiver of its outcome");
            }
        }
        if (status == SagaStatus.OPEN && !acknowledged.isEmpty()) {
            throw new IllegalArgumentException("saga " + sagaId + " is OPEN but " + acknowledged + " acknowledged its outcome, which is not sent yet");
        }
        if (status == SagaStatus.COMPLETED && !acknowledging.containsAll(receivers)) {
            throw new IllegalArgumentException("saga " + sagaId + " is COMPLETED but only " + acknowledged + " of " + receivers
                    + " acknowledged its outcome");
        }
    }

    /** Who is told the outcome: the initiator first, then every participant, each once. */
    public List<String> receivers() {
        return List.copyOf(receivers(initiator, participants));
    }

    /** The receivers that have not acknowledged the completed outcome yet, in {@link #receivers()} order. */
    public List<String> unacknowledged() {
        return receivers().stream().filter(receiver -> !acknowledged.contains(receiver)).toList();
    }

    private static Set<String> receivers(String initiator, List<ParticipantState> participants) {
        Set<String> receivers = new LinkedHashSet<>();
        receivers.add(initiator);
        participants.forEach(p -> receivers.add(p.context()));
        return receivers;
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
        return new SagaState(sagaId, sagaName, initiator, status, deadline, startedAt, endedAt, list, acknowledged);
    }

    SagaState ended(SagaStatus end, Instant at) {
        return new SagaState(sagaId, sagaName, initiator, end, deadline, startedAt, at, participants, acknowledged);
    }

    SagaState confirming() {
        return new SagaState(sagaId, sagaName, initiator, SagaStatus.CONFIRMING, deadline, startedAt, null, participants, acknowledged);
    }

    SagaState acknowledgedBy(String receiver) {
        List<String> list = new ArrayList<>(acknowledged);
        list.add(receiver);
        return new SagaState(sagaId, sagaName, initiator, status, deadline, startedAt, endedAt, participants, list);
    }
}
