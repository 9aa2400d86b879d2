package dev.dragoman.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A translation made after asking the resolvers what it needed, and which of them did not answer.
 *
 * @param translation the last translation made: every answer that came is in it
 * @param unavailable the concepts whose resolver failed while values still wait for its answer,
 *     each with its first failure (a {@link java.util.concurrent.TimeoutException} when it was
 *     too slow, a {@link dev.dragoman.rules.resolver.ResolverUnavailableException} when it said
 *     so), in the order the values came; empty when no failure holds a value back. Such a value
 *     is not unknown: nothing is known about it, and a caller should say "not now", not "wrong"
 * @param waiting the values of the last translation that still need a lookup although their
 *     question was asked: their resolver failed, or its answer did not stay in the cache
 */
public record Resolved<T>(T translation, Map<String, Throwable> unavailable, List<Unresolved> waiting) {
    public Resolved {
        unavailable = Collections.unmodifiableMap(new LinkedHashMap<>(unavailable));
        waiting = List.copyOf(waiting);
    }

    /** Whether every resolver asked answered (answers that name nothing included). */
    public boolean answered() {
        return unavailable.isEmpty();
    }
}
