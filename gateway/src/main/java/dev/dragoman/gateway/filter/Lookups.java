package dev.dragoman.gateway.filter;

import dev.dragoman.rules.Translators;
import dev.dragoman.rules.Unresolved;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Translation with resolvers: translate; if some value needs a resolver's answer, ask (each
 * distinct question once, without blocking a thread) and translate once more. What is still
 * unanswered then (the resolver failed or was too slow) is reported like any unknown value.
 */
final class Lookups {

    private Lookups() {
    }

    static <T> Mono<T> translate(Translators translators, Supplier<T> attempt, Function<T, List<Unresolved>> unresolvedOf) {
        T first = attempt.get();
        List<Unresolved> unresolved = unresolvedOf.apply(first);
        if (unresolved.stream().noneMatch(u -> u.reason() == Unresolved.Reason.NEEDS_LOOKUP)) {
            return Mono.just(first);
        }
        return Mono.fromFuture(() -> translators.resolve(unresolved))
                .onErrorResume(e -> Mono.empty())
                .then(Mono.fromSupplier(attempt));
    }
}
