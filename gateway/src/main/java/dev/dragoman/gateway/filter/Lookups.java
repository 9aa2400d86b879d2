package dev.dragoman.gateway.filter;

import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemType;
import dev.dragoman.rules.DirectionTranslator;
import dev.dragoman.rules.Message;
import dev.dragoman.rules.MessageTranslation;
import dev.dragoman.rules.Resolved;
import dev.dragoman.rules.Translators;
import dev.dragoman.rules.Unresolved;
import dev.dragoman.rules.resolver.ResolverUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * Translation with resolvers, as the engine does it ({@link Translators#translate(Supplier, Function)}),
 * answered the HTTP way.
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

    private Lookups() {
    }

    /** {@link #translate(String, Translators, Supplier, Function)} for a caller that does not name its route. */
    static <T> Mono<T> translate(Translators translators, Supplier<T> attempt, Function<T, List<Unresolved>> unresolvedOf) {
        return translate(null, translators, attempt, unresolvedOf);
    }

    /**
     * Translates with {@code attempt}, asks the resolvers what it could not answer, and translates
     * again, in rounds, as {@link Translators#translate(Supplier, Function)} does.
     *
     * @param route the route's id, for the problem; null leaves it unnamed
     * @return the last attempt, or an {@link ErrorResponseException} (503 or 504) when a resolver failed
     */
    public static <T> Mono<T> translate(String route, Translators translators, Supplier<T> attempt,
            Function<T, List<Unresolved>> unresolvedOf) {
        return answered(route, Mono.fromFuture(() -> translators.translate(attempt, unresolvedOf)));
    }

    /** A message's translation with lookups, or the 503 or 504 of a resolver that failed. */
    static Mono<MessageTranslation> translate(String route, Translators translators, DirectionTranslator rules, Message message) {
        return answered(route, Mono.fromFuture(() -> translators.translate(rules, message)));
    }

    private static <T> Mono<T> answered(String route, Mono<Resolved<T>> resolved) {
        return resolved.flatMap(r -> r.answered() ? Mono.just(r.translation()) : Mono.error(unavailable(route, r.unavailable())));
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
                ? Problem.of(HttpStatus.GATEWAY_TIMEOUT, ProblemType.RESOLVER_TIMEOUT, "Resolver too slow", which + ", so " + onRoute
                        + " cannot translate " + identifiers + " identifiers now; nothing is wrong with the message: retry later")
                : Problem.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.RESOLVER_UNAVAILABLE, "Resolver unavailable", which + ", so " + onRoute
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
