package dev.dragoman.gateway.model;

import dev.dragoman.rules.Translators;
import dev.dragoman.rules.model.ContextModel;
import java.time.Instant;
import java.util.Objects;

/**
 * One loaded model with its compiled translators: what a request is served with from its first
 * filter to its last. A reload produces a new one; nothing in it ever changes.
 *
 * @param version counts the models loaded since startup, from 1
 */
public record ServedModel(long version, Instant loadedAt, Translators translators) {

    public ServedModel {
        Objects.requireNonNull(loadedAt, "loadedAt");
        Objects.requireNonNull(translators, "translators");
    }

    public ContextModel model() {
        return translators.model();
    }
}
