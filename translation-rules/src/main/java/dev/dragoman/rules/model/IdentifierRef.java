package dev.dragoman.rules.model;

import java.util.Objects;

/**
 * A reference to an identifying aspect of a concept, written {@code concept.field}
 * (read and write the same aspect) or {@code concept.field->other} (read one aspect in
 * the source context, write another in the target context).
 */
public record IdentifierRef(String concept, String sourceField, String targetField) {
    public IdentifierRef {
        Objects.requireNonNull(concept, "concept");
        Objects.requireNonNull(sourceField, "sourceField");
        Objects.requireNonNull(targetField, "targetField");
    }

    private static final java.util.regex.Pattern SYNTAX = java.util.regex.Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_-]*)\\.([A-Za-z_][A-Za-z0-9_-]*)(?:->([A-Za-z_][A-Za-z0-9_-]*))?");

    /**
     * Parses {@code concept.field} or {@code concept.field->other}.
     *
     * @throws IllegalArgumentException when the text has neither form
     */
    public static IdentifierRef parse(String text) {
        java.util.regex.Matcher m = text == null ? null : SYNTAX.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rule: write concept.field (game.code) or concept.field->other (game.name->code)");
        }
        return new IdentifierRef(m.group(1), m.group(2), m.group(3) == null ? m.group(2) : m.group(3));
    }

    /** The inverse rule, for translating answers back: {@code game.name->code} becomes {@code game.code->name}. */
    public IdentifierRef reversed() {
        return new IdentifierRef(concept, targetField, sourceField);
    }

    @Override
    public String toString() {
        return sourceField.equals(targetField)
                ? concept + "." + sourceField
                : concept + "." + sourceField + "->" + targetField;
    }
}
