package dev.dragoman.gateway.saga;

import java.util.Base64;
import java.util.Map;

/**
 * Where each receiver of a saga's outcome gets it, and the start event's data as that receiver
 * sees it (translated with the rules of the start event's delivery to it), fixed when the saga
 * starts and stored with it.
 *
 * @param data receiver -> data in base64 (null for an event without data)
 * @param inboxes receiver -> inbox URL
 */
record Receivers(String dataContentType, Map<String, String> data, Map<String, String> inboxes) {

    byte[] dataOf(String receiver) {
        String encoded = data.get(receiver);
        return encoded == null ? null : Base64.getDecoder().decode(encoded);
    }

    String inboxOf(String receiver) {
        String inbox = inboxes.get(receiver);
        return inbox == null ? "" : inbox;
    }
}
