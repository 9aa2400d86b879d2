package dev.dragoman.rules.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A declared saga: opened by its {@code start} event, completed when every participant
 * completes, aborted on a failure or at the deadline.
 */
public record Saga(String name, String start, Duration deadline, List<Participant> participants, Outcome outcome) {
    public Saga {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        participants = Collections2.list(participants);
    }

    /** The event types that announce the saga's end. */
    public record Outcome(String completed, String aborted) {
    }
}
