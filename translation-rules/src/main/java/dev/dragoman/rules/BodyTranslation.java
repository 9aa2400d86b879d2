package dev.dragoman.rules;

import java.util.List;

/**
 * A translated JSON body.
 *
 * @param body the bytes to send: the input itself when nothing changed, otherwise the input
 *     with the translated values spliced in; untranslatable values are left as they were
 * @param translated how many values were translated
 * @param unresolved every value that could not be translated
 */
public record BodyTranslation(byte[] body, int translated, List<Unresolved> unresolved) {
    public BodyTranslation {
        unresolved = List.copyOf(unresolved);
    }

    public boolean complete() {
        return unresolved.isEmpty();
    }
}
