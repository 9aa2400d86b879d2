package dev.dragoman.rules;

import java.util.List;

/**
 * A translated request path or query.
 *
 * @param text the translated text (percent-encoded, as sent); for a path, with its dot-segments removed
 * @param template the path template that matched, or null when none did
 * @param refusal why the text cannot be forwarded at all, whatever {@code on-unknown} says (a path
 *     that upstreams read in two ways, one of which holds an untranslated identifier), or null
 */
public record TextTranslation(String text, String template, int translated, List<Unresolved> unresolved, String refusal) {
    public TextTranslation {
        unresolved = List.copyOf(unresolved);
    }

    public TextTranslation(String text, String template, int translated, List<Unresolved> unresolved) {
        this(text, template, translated, unresolved, null);
    }

    public boolean complete() {
        return unresolved.isEmpty() && refusal == null;
    }
}
