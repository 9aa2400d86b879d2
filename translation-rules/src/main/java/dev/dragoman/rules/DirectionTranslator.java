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
     * Translates every part a message has, path, query, headers and body, as the methods below
     * translate each. A path refused as ambiguous, or a body that is not JSON, is reported in
     * the result, and the other parts are translated all the same: what that means for the
     * message is the caller's to decide.
     */
    public MessageTranslation translate(Message message) {
        TextTranslation pathTranslation = message.path() == null ? null : path(message.path());
        TextTranslation queryTranslation = message.query() == null ? null
                // without rules the query is what it was: no need to read it
                : query.isEmpty() ? new TextTranslation(message.query(), null, 0, List.of()) : queryString(message.query());
        ValuesTranslation headersTranslation = message.headers() == null ? null : headers(message.headers());
        BodyTranslation bodyTranslation = null;
        MalformedJsonException bodyFailure = null;
        if (message.body() != null) {
            try {
                bodyTranslation = body(message.body());
            } catch (MalformedJsonException e) {
                bodyFailure = e;
            }
        }
        Message translated = new Message(pathTranslation == null ? null : pathTranslation.text(),
                queryTranslation == null ? null : queryTranslation.text(),
                headersTranslation == null ? null : headersTranslation.values(),
                bodyTranslation == null ? null : bodyTranslation.body());
        return new MessageTranslation(translated, pathTranslation, queryTranslation, headersTranslation, bodyTranslation, bodyFailure);
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
