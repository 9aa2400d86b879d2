package dev.dragoman.rules;

import java.util.List;

/**
 * A translated JSON body.
 *
 * @param body the bytes to send: the input itself when nothing changed, otherwise the input
 *     with the translated values spliced in; untranslatable values are left as they were
 * @param translated how many values were translated
 * @param unresolved the values that could not be translated, the first
 *     {@link Unresolved#REPORTED_LIMIT} of them in document order
 * @param unresolvedCount how many values could not be translated in all (a hostile body of a
 *     million unknown codes is counted, not listed)
 */
public record BodyTranslation(byte[] body, int translated, List<Unresolved> unresolved, int unresolvedCount) {
    public BodyTranslation {
        unresolved = List.copyOf(unresolved);
        if (unresolvedCount < unresolved.size()) {
            throw new IllegalArgumentException("unresolvedCount was " + unresolvedCount + " but " + unresolved.size() + " are listed");
        }
    }

    public BodyTranslation(byte[] body, int translated, List<Unresolved> unresolved) {
        this(body, translated, unresolved, unresolved.size());
    }

    public boolean complete() {
        return unresolvedCount == 0;
    }
}
