package dev.dragoman.rules.internal;

import dev.dragoman.rules.Unresolved;
import dev.dragoman.rules.ValuesTranslation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Rules over named values: query parameters (names exact) or headers (names case-insensitive). */
public final class NamedRules {
    private final Map<String, CompiledRule> rules;
    private final boolean ignoreCase;
    private final String where;

    public NamedRules(Map<String, CompiledRule> rules, boolean ignoreCase, String where) {
        this.rules = new LinkedHashMap<>();
        rules.forEach((name, rule) -> this.rules.put(ignoreCase ? name.toLowerCase(Locale.ROOT) : name, rule));
        this.ignoreCase = ignoreCase;
        this.where = where;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether a name has a rule (for a header: whatever its case). */
    public boolean covers(String name) {
        return rules.containsKey(ignoreCase ? name.toLowerCase(Locale.ROOT) : name);
    }

    public ValuesTranslation translate(Map<String, List<String>> values) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<Unresolved> unresolved = new ArrayList<>();
        int translated = 0;
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String name = entry.getKey();
            CompiledRule rule = rules.get(ignoreCase ? name.toLowerCase(Locale.ROOT) : name);
            if (rule == null) {
                out.put(name, entry.getValue());
                continue;
            }
            List<String> translatedValues = new ArrayList<>(entry.getValue().size());
            for (String value : entry.getValue()) {
                CompiledRule.Outcome outcome = rule.translate(value);
                if (outcome.translated()) {
                    translatedValues.add(outcome.value().text());
                    translated++;
                } else {
                    translatedValues.add(value);
                    unresolved.add(new Unresolved(where + " " + name, rule.name(), value, outcome.reason(), outcome.lookup()));
                }
            }
            out.put(name, List.copyOf(translatedValues));
        }
        return new ValuesTranslation(out, translated, unresolved);
    }
}
