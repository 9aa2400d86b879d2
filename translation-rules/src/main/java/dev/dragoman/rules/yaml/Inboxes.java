package dev.dragoman.rules.yaml;

/**
 * Inbox addresses. Kept out of {@link Conversions} because MapStruct would apply a
 * String-to-String conversion there to every text property.
 */
public final class Inboxes {
    private Inboxes() {
    }

    /** An inbox: an http(s) URL or {@code kafka:<topic>}. */
    public static String inbox(String text) {
        if (text == null) {
            return null;
        }
        if (text.startsWith("kafka:")) {
            if (!text.substring(6).matches("[A-Za-z0-9._-]{1,249}")) {
                throw new IllegalArgumentException("'" + text + "' does not name a valid Kafka topic after 'kafka:'");
            }
            return text;
        }
        Conversions.httpUrl(text);
        return text;
    }
}
