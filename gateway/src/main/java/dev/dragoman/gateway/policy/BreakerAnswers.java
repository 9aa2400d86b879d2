package dev.dragoman.gateway.policy;

import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemType;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sits just outside Spring Cloud Gateway's circuit breaker filter and turns what it raises into
 * what Dragoman answers. The breaker counts an upstream's 5xx answer as a failure by raising
 * {@code CircuitBreakerStatusCodeException}; the answer itself is the upstream's and goes on to
 * the caller (and to a retry, which looks at its status) as it came. An open breaker's
 * {@code ServiceUnavailableException} becomes a 503 {@code circuit-open} problem with
 * {@code Retry-After}, the time left until the breaker lets a trial call through.
 */
final class BreakerAnswers implements GatewayFilter {

    private final String routeId;
    private final String breaker;
    private final Breakers breakers;

    BreakerAnswers(String routeId, String breaker, Breakers breakers) {
        this.routeId = routeId;
        this.breaker = breaker;
        this.breakers = breakers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorResume(error -> {
            if (error instanceof SpringCloudCircuitBreakerFilterFactory.CircuitBreakerStatusCodeException) {
                return Mono.empty();
            }
            if (error instanceof ServiceUnavailableException) {
                return Mono.error(open());
            }
            return Mono.error(error);
        });
    }

    private PolicyRefusal open() {
        ProblemDetail problem = Problem.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.CIRCUIT_OPEN, "Circuit open",
                "the upstream of route " + routeId + " failed too often lately, so the gateway does not call it for a while;"
                        + " try again after Retry-After");
        problem.setProperty("route", routeId);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, PolicyRefusal.retryAfter(breakers.untilHalfOpen(breaker).toNanos()));
        return new PolicyRefusal(problem, headers);
    }

    @Override
    public String toString() {
        return "BreakerAnswers[" + breaker + "]";
    }
}
