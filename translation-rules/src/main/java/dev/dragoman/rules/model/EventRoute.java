package dev.dragoman.rules.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Who receives an event type published by one context.
 *
 * @param deadline the deadline given to an event that carries none, or null
 */
public record EventRoute(String type, String from, Duration deadline, List<Delivery> deliver) {
    public EventRoute {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(from, "from");
        deliver = Collections2.list(deliver);
    }
}
