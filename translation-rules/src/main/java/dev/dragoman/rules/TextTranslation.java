package dev.dragoman.rules;

import java.util.List;

/**
 * A translated request path.
 *
 * @param text the translated path (percent-encoded, as sent)
 * @param template the template that matched, or null when none did and the path is unchanged
 */
public record TextTranslation(String text, String template, int translated, List<Unresolved> unresolved) {
    public TextTranslation {
        unresolved = List.copyOf(unresolved);
    }

    public boolean complete() {
        return unresolved.isEmpty();
    }
}
