package dev.dragoman.rules;

import dev.dragoman.rules.internal.NamedRules;
import dev.dragoman.rules.internal.PathRules;
import java.util.List;
import java.util.Map;

/** Everything one direction of a route translates: path, query, headers and JSON body. */
public final class DirectionTranslator {
    private final PathRules path;
    private final NamedRules query;
    private final NamedRules headers;
    private final BodyTranslator body;

    DirectionTranslator(PathRules path, NamedRules query, NamedRules headers, BodyTranslator body) {
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.body = body;
    }

    /**
     * Translates a path (after strip-prefix, percent-encoded as it arrived) by the first matching
     * template. Dot-segments are removed first, also when no template matches: the text is the
     * path to forward. A {@link TextTranslation#refusal() refusal} means it must not be forwarded.
     */
    public TextTranslation path(String rawPath) {
        return path.translate(rawPath);
    }

    /**
     * Translates a raw query string (without '?', percent-encoded as it arrived): pairs are
     * matched on their decoded names, translated ones written canonically, every other byte kept.
     */
    public TextTranslation queryString(String rawQuery) {
        return query.translateQuery(rawQuery);
    }

    /** Translates decoded query parameter values. */
    public ValuesTranslation query(Map<String, List<String>> parameters) {
        return query.translate(parameters);
    }

    /** Translates header values; header names match whatever their case. */
    public ValuesTranslation headers(Map<String, List<String>> values) {
        return headers.translate(values);
    }

    public BodyTranslation body(byte[] json) {
        return body.translate(json);
    }

    public boolean translatesPath() {
        return !path.isEmpty();
    }

    public boolean translatesQuery() {
        return !query.isEmpty();
    }

    public boolean translatesHeaders() {
        return !headers.isEmpty();
    }

    /** Whether a query parameter has a rule here (names are exact). */
    public boolean translatesQueryParameter(String name) {
        return query.covers(name);
    }

    /** Whether a header has a rule here. */
    public boolean translatesHeader(String name) {
        return headers.covers(name);
    }

    public boolean translatesBody() {
        return body.hasRules();
    }

    /** Whether this direction has any rule at all; a direction without one is a plain proxy. */
    public boolean translatesAnything() {
        return translatesPath() || translatesQuery() || translatesHeaders() || translatesBody();
    }

    public BodyTranslator bodyTranslator() {
        return body;
    }
}
