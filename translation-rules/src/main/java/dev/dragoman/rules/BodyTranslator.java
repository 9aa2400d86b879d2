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
     * Translates one document.
     *
     * @throws MalformedJsonException when the bytes are not one JSON document
     */
    public BodyTranslation translate(byte[] json) {
        return rules.translate(json);
    }
}
