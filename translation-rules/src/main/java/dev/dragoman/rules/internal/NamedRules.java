package dev.dragoman.rules.internal;

import dev.dragoman.rules.TextTranslation;
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
        return rule(name) != null;
    }

    private CompiledRule rule(String name) {
        return rules.get(ignoreCase ? name.toLowerCase(Locale.ROOT) : name);
    }

    /** Translates decoded values; a missing value (a query parameter without '=') counts as the empty text. */
    public ValuesTranslation translate(Map<String, List<String>> values) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<Unresolved> unresolved = new ArrayList<>();
        int translated = 0;
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String name = entry.getKey();
            CompiledRule rule = rule(name);
            if (rule == null) {
                out.put(name, entry.getValue());
                continue;
            }
            List<String> translatedValues = new ArrayList<>(entry.getValue().size());
            for (String value : entry.getValue()) {
                String text = value == null ? "" : value;
                String result = ignoreCase ? headerValue(name, rule, text, unresolved) : single(name, rule, text, unresolved);
                if (result != null) {
                    translatedValues.add(result);
                    translated++;
                } else {
                    translatedValues.add(text);
                }
            }
            out.put(name, List.copyOf(translatedValues));
        }
        return new ValuesTranslation(out, translated, unresolved);
    }

    /**
     * Translates a raw query string pair by pair. A pair whose name, decoded ({@code %65} is
     * {@code e}, '+' a space), has a rule is written again canonically encoded with its
     * translated value; every other pair, and every pair left untranslated, goes out byte for
     * byte. A name without a value ({@code ?gameCode}) or with an empty one is an unknown
     * identifier like any other.
     */
    public TextTranslation translateQuery(String rawQuery) {
        String[] pairs = rawQuery.split("&", -1);
        List<Unresolved> unresolved = new ArrayList<>();
        int translated = 0;
        boolean changed = false;
        for (int i = 0; i < pairs.length; i++) {
            int equals = pairs[i].indexOf('=');
            String name = PercentCoding.decodeQuery(equals < 0 ? pairs[i] : pairs[i].substring(0, equals));
            CompiledRule rule = rule(name);
            if (rule == null) {
                continue;
            }
            String value = equals < 0 ? "" : PercentCoding.decodeQuery(pairs[i].substring(equals + 1));
            String result = single(name, rule, value, unresolved);
            if (result != null) {
                pairs[i] = PercentCoding.encodeQuery(name) + "=" + PercentCoding.encodeQuery(result);
                translated++;
                changed = true;
            }
        }
        return new TextTranslation(changed ? String.join("&", pairs) : rawQuery, null, translated, unresolved);
    }

    /** The translated value, or null after adding why not to {@code unresolved}. */
    private String single(String name, CompiledRule rule, String value, List<Unresolved> unresolved) {
        CompiledRule.Outcome outcome = rule.translate(value);
        if (outcome.translated()) {
            return outcome.value().text();
        }
        unresolved.add(new Unresolved(where + " " + name, rule.name(), value, outcome.reason(), outcome.lookup()));
        return null;
    }

    /**
     * A header value is one identifier or, when the whole of it is not one, a comma-separated
     * list of them (RFC 9110 section 5.3: {@code a, b} may stand for two field lines, and a
     * server may read it so); each element is translated, or each unknown one reported.
     */
    private String headerValue(String name, CompiledRule rule, String value, List<Unresolved> unresolved) {
        CompiledRule.Outcome whole = rule.translate(value);
        if (whole.translated()) {
            return whole.value().text();
        }
        if (value.indexOf(',') < 0 || whole.reason() != Unresolved.Reason.UNKNOWN) {
            unresolved.add(new Unresolved(where + " " + name, rule.name(), value, whole.reason(), whole.lookup()));
            return null;
        }
        List<String> elements = new ArrayList<>();
        int before = unresolved.size();
        for (String element : value.split(",", -1)) {
            String result = single(name, rule, element.strip(), unresolved);
            elements.add(result);
        }
        return unresolved.size() == before ? String.join(", ", elements) : null;
    }
}
