package dev.dragoman.rules.internal;

import dev.dragoman.rules.TextTranslation;
import dev.dragoman.rules.Unresolved;
import dev.dragoman.rules.model.PathTemplate;
import java.util.ArrayList;
import java.util.List;

/** Path templates bound to one route: the first template that matches the path applies. */
public final class PathRules {

    /** A template with the compiled rule of each identifier segment (null for literal segments). */
    public record Compiled(PathTemplate template, CompiledRule[] rules) {
    }

    private final List<Compiled> templates;

    public PathRules(List<Compiled> templates) {
        this.templates = List.copyOf(templates);
    }

    public boolean isEmpty() {
        return templates.isEmpty();
    }

    public TextTranslation translate(String path) {
        String[] segments = path.startsWith("/") ? path.substring(1).split("/", -1) : path.split("/", -1);
        for (Compiled compiled : templates) {
            if (matches(compiled.template(), segments)) {
                return apply(compiled, segments, path);
            }
        }
        return new TextTranslation(path, null, 0, List.of());
    }

    private static boolean matches(PathTemplate template, String[] segments) {
        List<PathTemplate.Segment> parts = template.segments();
        if (parts.size() != segments.length) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            if (parts.get(i) instanceof PathTemplate.Literal literal && !literal.text().equals(PercentCoding.decode(segments[i]))) {
                return false;
            }
            if (parts.get(i) instanceof PathTemplate.Identifier && segments[i].isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static TextTranslation apply(Compiled compiled, String[] segments, String path) {
        String[] out = segments.clone();
        List<Unresolved> unresolved = new ArrayList<>();
        int translated = 0;
        for (int i = 0; i < segments.length; i++) {
            CompiledRule rule = compiled.rules()[i];
            if (rule == null) {
                continue;
            }
            String value = PercentCoding.decode(segments[i]);
            CompiledRule.Outcome outcome = rule.translate(value);
            if (outcome.translated()) {
                out[i] = PercentCoding.encode(outcome.value().text());
                translated++;
            } else {
                unresolved.add(new Unresolved("path " + compiled.template().text() + " segment " + (i + 1), rule.name(), value,
                        outcome.reason(), outcome.lookup()));
            }
        }
        String text = (path.startsWith("/") ? "/" : "") + String.join("/", out);
        return new TextTranslation(text, compiled.template().text(), translated, unresolved);
    }
}
