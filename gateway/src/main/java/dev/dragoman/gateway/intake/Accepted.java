package dev.dragoman.gateway.intake;

import java.time.Instant;
import java.util.List;

/**
 * What {@code POST /events} answers with 202.
 *
 * @param duplicate whether the same source and id had been accepted before (nothing new is delivered)
 * @param receivers the contexts a copy goes to (empty for a duplicate)
 */
public record Accepted(String source, String id, String type, String sagaId, Instant deadline, boolean duplicate, List<String> receivers) {
}
