package dev.dragoman.rules.model;

import java.util.List;
import java.util.Objects;

/**
 * A context taking part in a saga, with the event types it reports with and the one
 * that undoes its work.
 *
 * @param negate delta fields of the completed event's data, negated in the compensation
 */
public record Participant(String context, String completed, String failed, String compensation, List<JsonPath> negate) {
    public Participant {
        Objects.requireNonNull(context, "context");
        negate = Collections2.list(negate);
    }
}
