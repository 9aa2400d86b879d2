package dev.dragoman.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A translated {@link Message}, part by part, and what could not be translated in it.
 *
 * @param message the message to send: each part translated where a rule applies, the rest as it came;
 *     the body is null when it could not be read ({@link #bodyFailure()})
 * @param path the path's translation, or null when the message had no path
 * @param query the query's translation, or null when the message had no query
 * @param headers the headers' translation, or null when the message had no headers
 * @param body the body's translation, or null when the message had no body or it could not be read
 * @param bodyFailure why the body could not be read (not JSON, or JSON in another encoding than
 *     UTF-8: then an {@link UnsupportedJsonEncodingException}), or null; the other parts are
 *     translated all the same
 */
public record MessageTranslation(Message message, TextTranslation path, TextTranslation query, ValuesTranslation headers,
        BodyTranslation body, MalformedJsonException bodyFailure) {

    /** How many values were translated in all parts. */
    public int translated() {
        return (path == null ? 0 : path.translated()) + (query == null ? 0 : query.translated())
                + (headers == null ? 0 : headers.translated()) + (body == null ? 0 : body.translated());
    }

    /**
     * The values that could not be translated, path first, then query, headers and body: the
     * first {@link Unresolved#REPORTED_LIMIT} of them, so that a hostile message of a million
     * unknown codes costs neither memory nor a million-entry answer ({@link #unresolvedCount()} counts them all).
     */
    public List<Unresolved> unresolved() {
        List<Unresolved> listed = new ArrayList<>();
        for (List<Unresolved> part : unresolvedLists()) {
            for (int i = 0; i < part.size() && listed.size() < Unresolved.REPORTED_LIMIT; i++) {
                listed.add(part.get(i));
            }
        }
        return listed;
    }

    /** How many values could not be translated in all parts, listed or not. */
    public int unresolvedCount() {
        return (path == null ? 0 : path.unresolved().size()) + (query == null ? 0 : query.unresolved().size())
                + (headers == null ? 0 : headers.unresolved().size()) + (body == null ? 0 : body.unresolvedCount());
    }

    /**
     * Every value each part lists, one part after the other, not capped as a whole (a body lists
     * at most {@link Unresolved#REPORTED_LIMIT} of its own): what the dry runs have always shown.
     */
    public List<Unresolved> unresolvedPerPart() {
        List<Unresolved> all = new ArrayList<>();
        unresolvedLists().forEach(all::addAll);
        return all;
    }

    /**
     * Why the message must not be forwarded whatever {@code on-unknown} says (a path that
     * upstreams read in two ways, see {@link TextTranslation#refusal()}), or null.
     */
    public String refusal() {
        return path == null ? null : path.refusal();
    }

    /** Whether every part was read and translated whole. */
    public boolean complete() {
        return refusal() == null && bodyFailure == null && unresolvedCount() == 0;
    }

    /**
     * This translation, or the body's failure thrown: for callers to which a body that is not
     * JSON is an error of the whole message, as {@link BodyTranslator#translate} treats it.
     *
     * @throws MalformedJsonException the {@link #bodyFailure()}
     */
    public MessageTranslation requireReadableBody() {
        if (bodyFailure != null) {
            throw bodyFailure;
        }
        return this;
    }

    private List<List<Unresolved>> unresolvedLists() {
        List<List<Unresolved>> lists = new ArrayList<>(4);
        if (path != null) {
            lists.add(path.unresolved());
        }
        if (query != null) {
            lists.add(query.unresolved());
        }
        if (headers != null) {
            lists.add(headers.unresolved());
        }
        if (body != null) {
            lists.add(body.unresolved());
        }
        return lists;
    }
}
