package dev.dragoman.gateway.saga;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;

/**
 * Where a page of a saga search ended: the last saga's place in the order (its deadline or its
 * start, and its id). The next page starts strictly after it, so a page is found through an index
 * whatever its depth, never by counting rows to skip.
 *
 * @param key the last saga's deadline ({@link SagaOrder#DEADLINE}) or start ({@link SagaOrder#NEWEST})
 */
public record SagaCursor(SagaOrder order, Instant key, String sagaId) {

    public SagaCursor {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sagaId, "sagaId");
    }

    static SagaCursor after(SagaOrder order, SagaState last) {
        return new SagaCursor(order, order == SagaOrder.DEADLINE ? last.deadline() : last.startedAt(), last.sagaId());
    }

    /** The opaque text a client passes back: URL-safe, so it goes into a query as it is. */
    public String encode() {
        String text = (order == SagaOrder.DEADLINE ? "d" : "n") + "|" + key + "|" + sagaId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is no cursor this gateway wrote */
    public static SagaCursor decode(String text) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notACursor(text);
        }
        String[] parts = plain.split("\\|", 3);
        if (parts.length != 3 || !(parts[0].equals("d") || parts[0].equals("n")) || parts[2].isEmpty()) {
            throw notACursor(text);
        }
        try {
            return new SagaCursor(parts[0].equals("d") ? SagaOrder.DEADLINE : SagaOrder.NEWEST, Instant.parse(parts[1]), parts[2]);
        } catch (DateTimeParseException e) {
            throw notACursor(text);
        }
    }

    private static IllegalArgumentException notACursor(String text) {
        return new IllegalArgumentException("'" + text + "' is no cursor of this gateway: pass the cursor of a 'next' link as it came");
    }
}
