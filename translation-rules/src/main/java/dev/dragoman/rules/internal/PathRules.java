package dev.dragoman.rules.internal;

import dev.dragoman.rules.TextTranslation;
import dev.dragoman.rules.Unresolved;
import dev.dragoman.rules.model.PathTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Path templates bound to one route: the first template that matches the path applies.
 *
 * <p>The path is read the way upstream servers read it, so that no shape of a path hides an
 * identifier from its template: dot-segments are removed first (RFC 3986 section 5.2.4, also
 * encoded ones such as {@code %2e%2e}) and the result is what is forwarded; a trailing slash
 * and empty segments ({@code //}) do not stop a template from matching; a segment's path
 * parameters ({@code ;v=1}, which servlet containers strip) are set aside for matching and
 * forwarded as they came. An encoded slash ({@code %2F}, or {@code %5C}) is data inside its segment, except
 * that a path which would match a template if it were a separator is refused when read as data
 * it is not fully translated: upstreams differ on that reading.
 */
public final class PathRules {

    /** A template with the compiled rule of each identifier segment (null for literal segments). */
    public record Compiled(PathTemplate template, CompiledRule[] rules) {
    }

    /** An encoded slash, or an encoded backslash, which IIS and some Tomcat set-ups take for a slash. */
    private static final Pattern ENCODED_SLASH = Pattern.compile("%2[fF]|%5[cC]");

    private final List<Compiled> templates;

    public PathRules(List<Compiled> templates) {
        this.templates = List.copyOf(templates);
    }

    public boolean isEmpty() {
        return templates.isEmpty();
    }

    public TextTranslation translate(String rawPath) {
        String path = withoutDotSegments(rawPath);
        TextTranslation asData = translateNormalized(path);
        if (asData.template() != null && asData.unresolved().isEmpty() || !ENCODED_SLASH.matcher(path).find()) {
            return asData;
        }
        String asSeparators = withoutDotSegments(ENCODED_SLASH.matcher(path).replaceAll("/"));
        for (Compiled compiled : templates) {
            if (match(compiled.template(), asSeparators) != null) {
                return new TextTranslation(path, asData.template(), 0, asData.unresolved(),
                        "the path holds an encoded slash (%2F or %5C): read as a separator, as some servers do, it matches template "
                                + compiled.template().text() + ", read as data it " + (asData.template() == null
                                        ? "matches none" : "holds values that cannot be translated")
                                + "; send the path with plain slashes, or encode only what is data");
            }
        }
        return asData;
    }

    private TextTranslation translateNormalized(String path) {
        for (Compiled compiled : templates) {
            Match match = match(compiled.template(), path);
            if (match != null) {
                return apply(compiled, match);
            }
        }
        return new TextTranslation(path, null, 0, List.of());
    }

    /** The raw segments that a template's segments meet, and whether the path ended in a slash. */
    private record Match(List<String> segments, boolean trailingSlash) {
    }

    private static Match match(PathTemplate template, String path) {
        if (!path.startsWith("/")) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.substring(1).split("/", -1)) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        List<PathTemplate.Segment> parts = significant(template);
        if (parts.size() != segments.size()) {
            return null;
        }
        for (int i = 0; i < segments.size(); i++) {
            String raw = segments.get(i);
            if (parts.get(i) instanceof PathTemplate.Literal literal
                    && !literal.text().equals(PercentCoding.decode(raw)) && !literal.text().equals(PercentCoding.decode(beforeParameters(raw)))) {
                return null;
            }
            if (parts.get(i) instanceof PathTemplate.Identifier && PercentCoding.decode(beforeParameters(raw)).isEmpty()) {
                return null;
            }
        }
        return new Match(segments, path.length() > 1 && path.endsWith("/"));
    }

    /** A template's segments without empty ones: {@code /games/} and {@code /games} are the same template here. */
    private static List<PathTemplate.Segment> significant(PathTemplate template) {
        List<PathTemplate.Segment> parts = new ArrayList<>();
        for (PathTemplate.Segment part : template.segments()) {
            if (!(part instanceof PathTemplate.Literal literal && literal.text().isEmpty())) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static TextTranslation apply(Compiled compiled, Match match) {
        List<PathTemplate.Segment> all = compiled.template().segments();
        List<String> out = new ArrayList<>(match.segments());
        List<Unresolved> unresolved = new ArrayList<>();
        int translated = 0;
        int i = 0;
        for (int t = 0; t < all.size(); t++) {
            if (all.get(t) instanceof PathTemplate.Literal literal && literal.text().isEmpty()) {
                continue;
            }
            CompiledRule rule = compiled.rules()[t];
            String raw = match.segments().get(i);
            if (rule != null) {
                String value = PercentCoding.decode(beforeParameters(raw));
                CompiledRule.Outcome outcome = rule.translate(value);
                if (outcome.translated()) {
                    out.set(i, PercentCoding.encode(outcome.value().text()) + raw.substring(beforeParameters(raw).length()));
                    translated++;
                } else {
                    unresolved.add(new Unresolved("path " + compiled.template().text() + " segment " + (t + 1), rule.name(), value,
                            outcome.reason(), outcome.lookup()));
                }
            }
            i++;
        }
        String text = "/" + String.join("/", out) + (match.trailingSlash() && !out.isEmpty() ? "/" : "");
        return new TextTranslation(text, compiled.template().text(), translated, unresolved);
    }

    /** A raw segment without its path parameters: {@code 1;jsessionid=x} is {@code 1}. An encoded {@code %3B} is data. */
    private static String beforeParameters(String raw) {
        int semicolon = raw.indexOf(';');
        return semicolon < 0 ? raw : raw.substring(0, semicolon);
    }

    /**
     * RFC 3986 section 5.2.4 over raw segments, where a segment is a dot-segment when its
     * decoded text before any path parameter is {@code .} or {@code ..} ({@code %2e%2e} and
     * Tomcat's {@code ..;x} included). Hand-written because {@link java.net.URI#normalize()}
     * sees neither encoded dots nor parameters.
     */
    static String withoutDotSegments(String path) {
        if (!path.startsWith("/") || path.indexOf('.') < 0 && path.indexOf('%') < 0) {
            return path;
        }
        String[] in = path.substring(1).split("/", -1);
        List<String> out = new ArrayList<>(in.length);
        boolean changed = false;
        for (int i = 0; i < in.length; i++) {
            boolean last = i == in.length - 1;
            String text = PercentCoding.decode(beforeParameters(in[i]));
            if (text.equals(".") || text.equals("..")) {
                changed = true;
                if (text.equals("..") && !out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                if (last) {
                    out.add("");
                }
            } else {
                out.add(in[i]);
            }
        }
        return changed ? "/" + String.join("/", out) : path;
    }
}
