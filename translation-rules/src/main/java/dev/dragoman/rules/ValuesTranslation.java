package dev.dragoman.rules;

import java.util.List;
import java.util.Map;

/**
 * Translated query parameters or headers.
 *
 * @param values every name with its values, translated where a rule applies, in the input's order
 */
public record ValuesTranslation(Map<String, List<String>> values, int translated, List<Unresolved> unresolved) {
    public ValuesTranslation {
        unresolved = List.copyOf(unresolved);
    }

    public boolean complete() {
        return unresolved.isEmpty();
    }
}
