package dev.dragoman.gateway.policy;

import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemType;
import dev.dragoman.rules.model.RoutePolicies;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code rate-limit}: one permit of the route's Resilience4j limiter per request, never waiting
 * for one; without a permit the answer is 429 with {@code Retry-After}, the limiter's own
 * estimate of when the next permit comes. Runs after the caller's key was checked, so a caller
 * without a valid key spends nothing of a context's budget.
 */
final class RateLimitFilter implements GatewayFilter {

    private final String routeId;
    private final String context;
    private final RoutePolicies.RateLimit policy;
    private final RateLimiter limiter;

    RateLimitFilter(String routeId, String context, RoutePolicies.RateLimit policy, RateLimiter limiter) {
        this.routeId = routeId;
        this.context = context;
        this.policy = policy;
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (limiter.acquirePermission()) {
            return chain.filter(exchange);
        }
        long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait()
                : limiter.getRateLimiterConfig().getLimitRefreshPeriod().toNanos();
        ProblemDetail problem = Problem.of(HttpStatus.TOO_MANY_REQUESTS, ProblemType.RATE_LIMITED, "Too many requests",
                "context " + context + " may make " + policy.requests() + " requests per " + policy.period() + " (at most "
                        + policy.burst() + " at once) on route " + routeId + "; try again after Retry-After");
        problem.setProperty("route", routeId);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, PolicyRefusal.retryAfter(nanos));
        return Mono.error(new PolicyRefusal(problem, headers));
    }

    @Override
    public String toString() {
        return "RateLimitFilter[" + limiter.getName() + ", " + limiter.getRateLimiterConfig().getLimitForPeriod() + " per "
                + limiter.getRateLimiterConfig().getLimitRefreshPeriod() + "]";
    }
}
