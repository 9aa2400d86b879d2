package dev.dragoman.gateway.saga;

import java.util.List;
import java.util.Objects;

/**
 * What one input made of a saga instance.
 *
 * @param state the new state (the same as before when nothing changed)
 * @param commands the events to send, in order
 * @param timeline what happened, to append to the saga's timeline
 */
public record SagaStep(SagaState state, List<SagaCommand> commands, List<TimelineEntry> timeline) {

    public SagaStep {
        Objects.requireNonNull(state, "state");
        commands = List.copyOf(commands);
        timeline = List.copyOf(timeline);
    }

    /**
     * Whether there is anything to store or send. Every change of state comes with a timeline
     * entry, and so does a report that changed nothing (it is still worth recording), so this is
     * false only for a tick that found nothing to do.
     */
    public boolean changed() {
        return !timeline.isEmpty() || !commands.isEmpty();
    }
}
