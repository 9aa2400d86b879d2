package dev.dragoman.rules.internal;

import dev.dragoman.rules.model.IdentifierRef;
import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.PathTemplate;
import dev.dragoman.rules.yaml.Conversions;
import dev.dragoman.rules.yaml.MapsFileDto.ConceptDto;
import java.util.List;
import java.util.Map;

/**
 * The checks every section shares: required values, declared names, rules, paths,
 * durations and URLs. Each reports into {@link Problems} and says whether the value passed,
 * so that callers skip checks that would only repeat the first error.
 */
public final class Checks {
    private final Declarations declared;
    private final Problems problems;

    public Checks(Declarations declared, Problems problems) {
        this.declared = declared;
        this.problems = problems;
    }

    public Problems problems() {
        return problems;
    }

    public boolean required(SourceFile file, String keyPath, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            problems.at(file, keyPath, "'" + KeyPaths.lastKey(keyPath) + "' is required", "add it");
            return false;
        }
        return true;
    }

    /** A context name that must be declared. */
    public boolean context(SourceFile file, String keyPath, String name) {
        if (!required(file, keyPath, name)) {
            return false;
        }
        if (!declared.contexts.containsKey(name)) {
            problems.at(file, keyPath, "unknown context '" + name + "'", Suggestions.hint(name, declared.contexts.keySet(), "contexts"));
            return false;
        }
        return true;
    }

    /** The inbox a context has, or null. */
    public String inboxOf(String context) {
        Declared<?> d = declared.contexts.get(context);
        return d == null ? null : declared.contexts.get(context).dto().inbox();
    }

    public void duration(SourceFile file, String keyPath, String text) {
        if (text == null) {
            return;
        }
        try {
            Conversions.duration(text);
        } catch (IllegalArgumentException e) {
            problems.at(file, keyPath, e.getMessage(), "write an ISO-8601 duration such as PT30S, PT10M or PT2H");
        }
    }

    public void httpUrl(SourceFile file, String keyPath, String text) {
        if (text == null) {
            return;
        }
        try {
            Conversions.httpUrl(text);
        } catch (IllegalArgumentException e) {
            problems.at(file, keyPath, e.getMessage(), "write a URL such as http://127.0.0.1:9101");
        }
    }

    public boolean jsonPath(SourceFile file, String keyPath, String text) {
        try {
            Conversions.jsonPath(text);
            return true;
        } catch (IllegalArgumentException e) {
            problems.at(file, keyPath, e.getMessage(), "the supported forms are $, .name, ['name'], [N], [*] and ..name");
            return false;
        }
    }

    /** Body or data rules: JSONPath keys, rule values. */
    public void bodyRules(SourceFile file, String keyPath, Map<String, String> rules, String from, String to) {
        if (rules == null) {
            return;
        }
        rules.forEach((path, ref) -> {
            String at = KeyPaths.child(keyPath, path);
            if (jsonPath(file, at, path)) {
                ref(file, at, ref, from, to);
            }
        });
    }

    /** Query or header rules: names, rule values. */
    public void namedRules(SourceFile file, String keyPath, Map<String, String> rules, String from, String to) {
        if (rules == null) {
            return;
        }
        rules.forEach((name, ref) -> ref(file, KeyPaths.child(keyPath, name), ref, from, to));
    }

    public void pathTemplates(SourceFile file, String keyPath, List<String> templates, String from, String to) {
        if (templates == null) {
            return;
        }
        for (int i = 0; i < templates.size(); i++) {
            String at = KeyPaths.index(keyPath, i);
            String text = templates.get(i);
            PathTemplate template;
            try {
                template = Conversions.pathTemplate(text);
            } catch (IllegalArgumentException e) {
                problems.at(file, at, e.getMessage(), "write a template such as /games/{game.code}/stats");
                continue;
            }
            for (PathTemplate.Segment segment : template.segments()) {
                if (segment instanceof PathTemplate.Identifier id) {
                    refExists(file, at, id.ref(), from, to);
                }
            }
        }
    }

    /**
     * A rule read in {@code from}'s vocabulary and written in {@code to}'s: the concept must
     * exist, {@code from} must have the aspect read and {@code to} the aspect written.
     */
    public void ref(SourceFile file, String keyPath, String text, String from, String to) {
        if (!required(file, keyPath, text)) {
            return;
        }
        IdentifierRef ref;
        try {
            ref = IdentifierRef.parse(text);
        } catch (IllegalArgumentException e) {
            problems.at(file, keyPath, e.getMessage(), "");
            return;
        }
        refExists(file, keyPath, ref, from, to);
    }

    private void refExists(SourceFile file, String keyPath, IdentifierRef ref, String from, String to) {
        Declared<ConceptDto> concept = declared.concepts.get(ref.concept());
        if (concept == null) {
            problems.at(file, keyPath, "unknown concept '" + ref.concept() + "' in rule " + ref,
                    Suggestions.hint(ref.concept(), declared.concepts.keySet(), "concepts"));
            return;
        }
        aspect(file, keyPath, ref, concept, from, ref.sourceField(), "reads");
        aspect(file, keyPath, ref, concept, to, ref.targetField(), "must write");
    }

    private void aspect(SourceFile file, String keyPath, IdentifierRef ref, Declared<ConceptDto> concept,
            String context, String field, String verb) {
        Map<String, List<String>> keys = concept.dto().keys();
        if (context == null || keys == null || !declared.contexts.containsKey(context)) {
            return;
        }
        List<String> fields = keys.get(context);
        if (fields == null) {
            problems.at(file, keyPath, "rule " + ref + " " + verb + " '" + field + "' in context '" + context
                    + "', but concept '" + ref.concept() + "' has no keys for '" + context + "'",
                    "add " + context + " to concepts." + ref.concept() + ".keys (" + concept.where() + ")");
        } else if (!fields.contains(field)) {
            problems.at(file, keyPath, "rule " + ref + " " + verb + " '" + field + "', an aspect context '" + context
                    + "' lacks", "the aspects of " + ref.concept() + " in " + context + " are " + String.join(", ", fields));
        }
    }
}
