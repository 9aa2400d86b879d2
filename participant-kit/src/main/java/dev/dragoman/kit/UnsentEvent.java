package dev.dragoman.kit;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An event the relay gave up on.
 *
 * @param reason    why it was not sent
 * @param attempts  how many times the relay had tried to send it
 * @param lastError the last failure: the connection error, the status, or the gateway's problem detail
 */
public record UnsentEvent(String id, String type, String sagaId, Instant deadline, JsonNode data, Reason reason,
        int attempts, String lastError) {

    public enum Reason {
        /** The deadline passed before the gateway accepted it. */
        EXPIRED,
        /** The gateway answered with a 4xx that retrying would only repeat. */
        REJECTED
    }
}
