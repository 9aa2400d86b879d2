package dev.dragoman.rules;

import dev.dragoman.rules.internal.JsonBodyRules;

/**
 * Translates the identifiers of JSON documents by compiled JSONPath rules, in one streaming
 * pass that copies every untouched byte as it came. Thread-safe; compile once, use for every
 * request.
 */
public final class BodyTranslator {
    private final JsonBodyRules rules;

    BodyTranslator(JsonBodyRules rules) {
        this.rules = rules;
    }

    /** Whether any rule applies (a translator without rules returns bodies untouched). */
    public boolean hasRules() {
        return !rules.isEmpty();
    }

    /**
     * Translates one document. Values a rule cannot translate, objects where it expects an
     * identifier, and values of another shape than its path expects are reported in the
     * result (the first {@link Unresolved#REPORTED_LIMIT}, all of them counted), never skipped.
     *
     * @throws UnsupportedJsonEncodingException when the bytes are JSON in UTF-16 or UTF-32 (only
     *     UTF-8 is read, with or without a byte order mark)
     * @throws MalformedJsonException when the bytes are not one JSON document, or nest deeper
     *     than {@link JsonLimits#MAX_NESTING_DEPTH}; no other exception, whatever the bytes
     */
    public BodyTranslation translate(byte[] json) {
        return rules.translate(json);
    }
}
