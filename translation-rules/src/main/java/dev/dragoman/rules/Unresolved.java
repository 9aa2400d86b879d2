package dev.dragoman.rules;

import dev.dragoman.rules.resolver.ResolveRequest;

/**
 * A value a rule could not translate.
 *
 * @param location where, as the gateway reports it: {@code body $.items[2].gameCode}, {@code query gameCode}
 * @param rule the rule, e.g. {@code game.code}
 * @param value the offending value as it appeared
 * @param lookup for a concept with a resolver whose answer is not cached yet: the question to ask
 */
public record Unresolved(String location, String rule, String value, Reason reason, ResolveRequest lookup) {

    /** Why a value was not translated. */
    public enum Reason {
        /** No row (and no resolver answer) names this value, or the thing does not exist in the target context. */
        UNKNOWN,
        /** The rule points at an object or array of objects, not at an identifier. */
        NOT_AN_IDENTIFIER,
        /** The concept's resolver has not been asked yet: resolve, then translate again. */
        NEEDS_LOOKUP,
        /**
         * The rule's path meets a value of another shape on its way (an object where {@code [*]}
         * expects an array, an array or a scalar where {@code .name} expects an object): an
         * identifier may hide there, so it is reported, not skipped.
         */
        SHAPE_MISMATCH
    }

    /** How many unresolved values a translation lists at most; the rest are only counted. */
    public static final int REPORTED_LIMIT = 100;

    /** The reason as the gateway's answers and views name it. */
    public String reasonName() {
        return switch (reason) {
            case UNKNOWN -> "unknown";
            case NOT_AN_IDENTIFIER -> "not-an-identifier";
            case NEEDS_LOOKUP -> "lookup-failed";
            case SHAPE_MISMATCH -> "shape-mismatch";
        };
    }

    @Override
    public String toString() {
        return location + ": " + value + " (" + rule + ", " + reason.name().toLowerCase().replace('_', ' ') + ")";
    }
}
