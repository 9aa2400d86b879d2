package dev.dragoman.rules;

import dev.dragoman.rules.resolver.ResolveRequest;
import dev.dragoman.rules.resolver.ResolverCache;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Translation with resolvers: translate; if some value needs a resolver's answer, ask (each
 * distinct question once, without blocking a thread) and translate once more. A translation
 * lists at most {@link Unresolved#REPORTED_LIMIT} values, so a message with more distinct
 * questions than that is answered over several rounds, each asking what the last translation
 * listed and nobody has asked yet; {@link #MAX_ROUNDS} bounds what one message may ask.
 */
final class LookupRounds<T> {

    /** At most this many rounds of {@link Unresolved#REPORTED_LIMIT} questions each for one message. */
    static final int MAX_ROUNDS = 20;

    private final Map<String, ResolverCache> resolvers;
    private final Supplier<T> translate;
    private final Function<T, List<Unresolved>> unresolvedOf;
    private final Set<ResolveRequest> asked = new HashSet<>();

    LookupRounds(Map<String, ResolverCache> resolvers, Supplier<T> translate, Function<T, List<Unresolved>> unresolvedOf) {
        this.resolvers = resolvers;
        this.translate = translate;
        this.unresolvedOf = unresolvedOf;
    }

    /** Runs the rounds; fails only with what {@code translate} throws. */
    CompletableFuture<Resolved<T>> run() {
        T first;
        try {
            first = translate.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return round(first, 1);
    }

    private CompletableFuture<Resolved<T>> round(T current, int round) {
        Set<ResolveRequest> questions = lookups(unresolvedOf.apply(current));
        questions.removeAll(asked);
        if (questions.isEmpty() || round > MAX_ROUNDS) {
            // Still waiting on a question already asked: the cache let go of its answer (a message with
            // more distinct questions than its maximum size); that is reported as waiting, not failed.
            return CompletableFuture.completedFuture(resolved(current, Map.of()));
        }
        asked.addAll(questions);
        return ask(questions).thenCompose(failures -> {
            T next = translate.get();
            Map<String, Throwable> blocking = new LinkedHashMap<>();
            for (ResolveRequest waiting : lookups(unresolvedOf.apply(next))) {
                Throwable failure = failures.get(waiting.concept());
                if (failure != null) {
                    blocking.putIfAbsent(waiting.concept(), failure);
                }
            }
            return blocking.isEmpty() ? round(next, round + 1) : CompletableFuture.completedFuture(resolved(next, blocking));
        });
    }

    private Resolved<T> resolved(T translation, Map<String, Throwable> unavailable) {
        List<Unresolved> waiting = new ArrayList<>();
        for (Unresolved u : unresolvedOf.apply(translation)) {
            if (u.reason() == Unresolved.Reason.NEEDS_LOOKUP && u.lookup() != null && asked.contains(u.lookup())) {
                waiting.add(u);
            }
        }
        return new Resolved<>(translation, unavailable, waiting);
    }

    private static Set<ResolveRequest> lookups(List<Unresolved> unresolved) {
        Set<ResolveRequest> questions = new LinkedHashSet<>();
        for (Unresolved u : unresolved) {
            if (u.reason() == Unresolved.Reason.NEEDS_LOOKUP && u.lookup() != null) {
                questions.add(u.lookup());
            }
        }
        return questions;
    }

    /** Asks every question; completes (never fails) with the first failure of each concept whose resolver failed. */
    private CompletableFuture<Map<String, Throwable>> ask(Set<ResolveRequest> questions) {
        Map<String, Throwable> failures = new LinkedHashMap<>();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (ResolveRequest question : questions) {
            ResolverCache cache = resolvers.get(question.concept());
            if (cache == null) {
                continue;
            }
            pending.add(cache.resolve(question).handle((answer, failure) -> {
                if (failure != null) {
                    synchronized (failures) {
                        failures.putIfAbsent(question.concept(), unwrap(failure));
                    }
                }
                return null;
            }));
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).thenApply(done -> {
            synchronized (failures) {
                return new LinkedHashMap<>(failures);
            }
        });
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
