package dev.dragoman.gateway.compose;

import dev.dragoman.rules.model.CompositionPart;

/**
 * What one part gave: its value as JSON bytes in the caller's vocabulary, or why it has none.
 * Exactly one of {@code json} and {@code failure} is set.
 */
record PartResult(CompositionPart part, byte[] json, PartFailure failure) {

    static PartResult value(CompositionPart part, byte[] json) {
        return new PartResult(part, json, null);
    }

    static PartResult failed(CompositionPart part, PartFailure failure) {
        return new PartResult(part, null, failure);
    }

    boolean failed() {
        return failure != null;
    }
}
