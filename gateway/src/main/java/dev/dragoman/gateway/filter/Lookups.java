package dev.dragoman.gateway.filter;

import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.rules.Translators;
import dev.dragoman.rules.Unresolved;
import dev.dragoman.rules.resolver.ResolveRequest;
import dev.dragoman.rules.resolver.ResolverCache;
import dev.dragoman.rules.resolver.ResolverUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;

/**
 * Translation with resolvers: translate; if some value needs a resolver's answer, ask (each
 * distinct question once, without blocking a thread) and translate once more.
 *
 * <p>A value still waiting for an answer then is one whose resolver failed: that says nothing
 * about the value, so it is not reported as unknown (a 422 would blame the caller). The Mono
 * fails with an {@link ErrorResponseException} instead: 503 {@code resolver-unavailable} (with
 * the resolver's {@code Retry-After}, else one second: failures are not cached) or 504
 * {@code resolver-timeout} when every failed resolver was too slow, naming the concepts and the
 * route. The resolver's address and the values asked about go to the log only.
 */
public final class Lookups {

    private static final Logger log = LoggerFactory.getLogger(Lookups.class);

    /** Failures are not cached, so the next request asks again at once; a second leaves the resolver a breath. */
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    /** At most this many rounds of {@link Unresolved#REPORTED_LIMIT} questions each for one message. */
    static final int MAX_ROUNDS = 20;

    private Lookups() {
    }

    /** {@link #translate(String, Translators, Supplier, Function)} for a caller that does not name its route. */
    static <T> Mono<T> translate(Translators translators, Supplier<T> attempt, Function<T, List<Unresolved>> unresolvedOf) {
        return translate(null, translators, attempt, unresolvedOf);
    }

    /**
     * Translates with {@code attempt}, asks the resolvers what it could not answer, and translates again.
     *
     * @param route the route's id, for the problem; null leaves it unnamed
     * @return the last attempt, or an {@link ErrorResponseException} (503 or 504) when a resolver failed
     */
    public static <T> Mono<T> translate(String route, Translators translators, Supplier<T> attempt,
            Function<T, List<Unresolved>> unresolvedOf) {
        return round(route, translators, attempt, unresolvedOf, attempt.get(), new HashSet<>(), 1);
    }

    /**
     * An attempt lists at most {@link Unresolved#REPORTED_LIMIT} values, so a message with more
     * distinct questions than that is answered over several rounds, each asking what the last
     * attempt listed and nobody has asked yet; {@link #MAX_ROUNDS} bounds what one message may ask.
     */
    private static <T> Mono<T> round(String route, Translators translators, Supplier<T> attempt, Function<T, List<Unresolved>> unresolvedOf,
            T current, Set<ResolveRequest> asked, int round) {
        Set<ResolveRequest> questions = lookups(unresolvedOf.apply(current));
        questions.removeAll(asked);
        if (questions.isEmpty() || round > MAX_ROUNDS) {
            // Still waiting on a question already asked: the cache let go of its answer (a message with
            // more distinct questions than its maximum size); the filters report that as an unknown.
            return Mono.just(current);
        }
        asked.addAll(questions);
        return Mono.fromFuture(() -> ask(translators, questions)).flatMap(failures -> {
            T next = attempt.get();
            Map<String, Throwable> blocking = new LinkedHashMap<>();
            for (ResolveRequest waiting : lookups(unresolvedOf.apply(next))) {
                Throwable failure = failures.get(waiting.concept());
                if (failure != null) {
                    blocking.putIfAbsent(waiting.concept(), failure);
                }
            }
            return blocking.isEmpty() ? round(route, translators, attempt, unresolvedOf, next, asked, round + 1)
                    : Mono.error(unavailable(route, blocking));
        });
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
    private static CompletableFuture<Map<String, Throwable>> ask(Translators translators, Set<ResolveRequest> questions) {
        Map<String, Throwable> failures = new LinkedHashMap<>();
        List<CompletableFuture<?>> asked = new ArrayList<>();
        for (ResolveRequest question : questions) {
            Optional<ResolverCache> cache = translators.resolverCache(question.concept());
            if (cache.isEmpty()) {
                continue;
            }
            asked.add(cache.get().resolve(question).handle((answer, failure) -> {
                if (failure != null) {
                    synchronized (failures) {
                        failures.putIfAbsent(question.concept(), unwrap(failure));
                    }
                }
                return null;
            }));
        }
        return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new)).thenApply(done -> {
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

    static ErrorResponseException unavailable(String route, Map<String, Throwable> failures) {
        boolean allSlow = failures.values().stream().allMatch(failure -> failure instanceof TimeoutException);
        List<String> concepts = List.copyOf(failures.keySet());
        String which = failures.entrySet().stream()
                .map(failure -> "the resolver of concept '" + failure.getKey() + "' " + reason(failure.getValue()))
                .collect(Collectors.joining("; "));
        String onRoute = route == null ? "this route" : "route '" + route + "'";
        String identifiers = concepts.stream().map(concept -> "'" + concept + "'").collect(Collectors.joining(", "));
        ProblemDetail problem = allSlow
                ? Problem.of(HttpStatus.GATEWAY_TIMEOUT, "resolver-timeout", "Resolver too slow", which + ", so " + onRoute
                        + " cannot translate " + identifiers + " identifiers now; nothing is wrong with the message: retry later")
                : Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "resolver-unavailable", "Resolver unavailable", which + ", so " + onRoute
                        + " cannot translate " + identifiers + " identifiers now; nothing is wrong with the message: retry later");
        if (route != null) {
            problem.setProperty("route", route);
        }
        problem.setProperty("concepts", concepts);
        // No cause: the error handler would take a TimeoutException among the causes for the upstream's.
        ErrorResponseException error = new ErrorResponseException(HttpStatus.valueOf(problem.getStatus()), problem, null);
        if (!allSlow) {
            Duration retryAfter = failures.values().stream()
                    .map(failure -> failure instanceof ResolverUnavailableException down ? down.retryAfter().orElse(null) : null)
                    .filter(Objects::nonNull)
                    .max(Duration::compareTo)
                    .orElse(DEFAULT_RETRY_AFTER);
            error.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
        }
        failures.forEach((concept, failure) -> log.warn("Cannot translate {} identifiers on {}: {}", concept, onRoute,
                failure instanceof TimeoutException ? "the resolver did not answer in time" : String.valueOf(failure.getMessage())));
        return error;
    }

    private static String reason(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "did not answer within its timeout";
        }
        if (failure instanceof ResolverUnavailableException down) {
            return "is unavailable (" + down.reason() + ")";
        }
        return "is unavailable";
    }
}
