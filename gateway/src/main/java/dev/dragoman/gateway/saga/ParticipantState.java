package dev.dragoman.gateway.saga;

import java.util.Objects;

/**
 * What is known of one participant of a saga instance; immutable.
 *
 * @param completedData the JSON text of the data of its completed report (kept because the
 *     compensation is made of it), or null
 * @param compensated whether its compensation was sent
 */
public record ParticipantState(String context, ParticipantStatus status, String completedData, boolean compensated) {

    public ParticipantState {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(status, "status");
        if (status != ParticipantStatus.COMPLETED && completedData != null) {
            throw new IllegalArgumentException("participant '" + context + "' is " + status + " but has completed data " + completedData);
        }
        if (status != ParticipantStatus.COMPLETED && compensated) {
            throw new IllegalArgumentException("participant '" + context + "' is " + status + ", so it has nothing to be compensated for");
        }
    }

    static ParticipantState pending(String context) {
        return new ParticipantState(context, ParticipantStatus.PENDING, null, false);
    }

    ParticipantState completed(String data) {
        return new ParticipantState(context, ParticipantStatus.COMPLETED, data, false);
    }

    ParticipantState failed() {
        return new ParticipantState(context, ParticipantStatus.FAILED, null, false);
    }

    ParticipantState compensatedNow() {
        return new ParticipantState(context, status, completedData, true);
    }
}
