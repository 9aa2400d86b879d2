package dev.dragoman.rules.model;

import java.util.Map;
import java.util.Objects;

/**
 * One subscriber of an event route.
 *
 * @param endpoint where to deliver instead of the context's inbox, or null
 * @param data rules over the event's {@code data}, in the publisher's vocabulary
 */
public record Delivery(String to, String endpoint, Map<JsonPath, IdentifierRef> data) {
    public Delivery {
        Objects.requireNonNull(to, "to");
        data = Collections2.copyOrdered(data);
    }
}
