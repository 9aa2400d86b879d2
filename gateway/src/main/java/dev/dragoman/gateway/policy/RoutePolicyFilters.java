package dev.dragoman.gateway.policy;

import dev.dragoman.rules.model.Route;
import dev.dragoman.rules.model.RoutePolicies;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerResilience4JFilterFactory;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.DispatcherHandler;

/**
 * A route's policies as gateway filters and route metadata, each Spring Cloud Gateway's or
 * Resilience4j's own: {@code timeout} is the route's {@code response-timeout} metadata (Spring
 * Cloud Gateway's routing filter answers past it, a 504), {@code retry} is its
 * {@link RetryGatewayFilterFactory}, {@code circuit-breaker} its Spring Cloud CircuitBreaker
 * filter on Resilience4j, {@code rate-limit} a Resilience4j rate limiter; {@code methods} is a
 * check of a few lines ({@link MethodsFilter}) and {@code cors} is answered in front of the routes
 * ({@link RouteCors}).
 *
 * <p>In a route's chain: the caller's key, then methods and the rate limit (answered before
 * anything is read or sent), then strip-prefix and request translation, then the retry, around
 * the breaker, around the call: every attempt is a call the breaker counts, and an open breaker
 * ends the retries. A retry sends the translated request again, never translates it twice.
 */
public final class RoutePolicyFilters {

    /** After the caller's key (CallerFilter) and the response decorator, before strip-prefix (1). */
    public static final int METHODS_ORDER = 0;
    public static final int RATE_LIMIT_ORDER = 0;
    /** After request translation (2), so that a retry sends the translated request again. */
    public static final int RETRY_ORDER = 3;
    public static final int BREAKER_ANSWERS_ORDER = 4;
    public static final int BREAKER_ORDER = 5;

    /** What the breaker counts as a failure besides errors (connect errors, timeouts): the upstream's own 5xx answers of these. */
    static final Set<String> FAILURE_STATUSES = Set.of("500", "502", "503", "504");

    private final RetryGatewayFilterFactory retries;
    private final SpringCloudCircuitBreakerFilterFactory circuitBreakers;
    private final Breakers breakers;
    private final RateLimits rateLimits;

    public RoutePolicyFilters(RetryGatewayFilterFactory retries, ReactiveResilience4JCircuitBreakerFactory breakerFactory,
            ObjectProvider<DispatcherHandler> dispatcher, MeterRegistry meters, Clock clock) {
        this.retries = retries;
        this.circuitBreakers = new SpringCloudCircuitBreakerResilience4JFilterFactory(breakerFactory, dispatcher);
        this.breakers = new Breakers(breakerFactory, clock);
        RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();
        // resilience4j_ratelimiter_available_permissions and _waiting_threads, tagged by name (route/context)
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(limiters).bindTo(meters);
        this.rateLimits = new RateLimits(limiters);
    }

    /** The route's policy filters, ordered among the route's other filters. */
    public List<GatewayFilter> filters(Route route) {
        RoutePolicies policies = route.policies();
        List<GatewayFilter> filters = new ArrayList<>();
        if (!policies.methods().isEmpty()) {
            filters.add(new OrderedGatewayFilter(new MethodsFilter(route), METHODS_ORDER));
        }
        if (policies.rateLimit() != null) {
            // a route serves the callers of one context, its from: per caller context is per route and from
            filters.add(new OrderedGatewayFilter(new RateLimitFilter(route.id(), route.from(), policies.rateLimit(),
                    rateLimits.limiterFor(route, route.from())), RATE_LIMIT_ORDER));
        }
        if (policies.retry() != null && !policies.retriable().isEmpty()) {
            filters.add(new OrderedGatewayFilter(retry(route), RETRY_ORDER));
        }
        if (policies.circuitBreaker() != null) {
            String name = breakers.prepare(route);
            filters.add(new OrderedGatewayFilter(new BreakerAnswers(route.id(), name, breakers), BREAKER_ANSWERS_ORDER));
            SpringCloudCircuitBreakerFilterFactory.Config config = new SpringCloudCircuitBreakerFilterFactory.Config().setName(name);
            config.setRouteId(route.id());
            config.setStatusCodes(new java.util.HashSet<>(FAILURE_STATUSES));
            filters.add(new OrderedGatewayFilter(circuitBreakers.apply(config), BREAKER_ORDER));
        }
        return filters;
    }

    /** The route's metadata for its policies: {@code response-timeout} in milliseconds, as Spring Cloud Gateway reads it. */
    public Map<String, Object> metadata(Route route) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (route.policies().timeout() != null) {
            metadata.put(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, route.policies().timeout().toMillis());
        }
        return metadata;
    }

    /** After the routes of a model were built: the breakers and limiters of routes no longer served go. */
    public void retainRoutes(Set<String> routeIds) {
        breakers.retainRoutes(routeIds);
        rateLimits.retainRoutes(routeIds);
    }

    /**
     * Idempotent methods only, after a connect error (any I/O error of the connection: refused,
     * reset, closed before the answer) or a 502, 503 or 504 answer. Not after a timeout: the
     * caller would wait the timeout once per attempt.
     */
    @SuppressWarnings("unchecked")
    private GatewayFilter retry(Route route) {
        RoutePolicies.Retry retry = route.policies().retry();
        RetryGatewayFilterFactory.RetryConfig config = new RetryGatewayFilterFactory.RetryConfig()
                .setRetries(retry.retries())
                .setSeries()
                .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.GATEWAY_TIMEOUT)
                .setMethods(route.policies().retriable().stream().map(HttpMethod::valueOf).toArray(HttpMethod[]::new))
                .setExceptions(IOException.class)
                .setBackoff(retry.backoff(), retry.maxBackoff(), 2, false);
        config.setRouteId(route.id());
        return retries.apply(config);
    }
}
