package dev.dragoman.kit;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One copy Dragoman delivered, as a handler sees it.
 *
 * @param sagaId     the saga instance, or {@code null} when the event belongs to none
 * @param deadline   when the event must be fully processed, or {@code null} when the copy has none
 * @param expiryTime after when the copy is no longer valid, or {@code null}
 * @param data       the JSON data; data of another content type is a JSON string; {@code null} without data
 */
public record InboundEvent(String id, String source, String type, String sagaId, Instant deadline, Instant expiryTime,
        String dataContentType, JsonNode data) {
}
