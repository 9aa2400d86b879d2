package dev.dragoman.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.model.OnUnknown;
import dev.dragoman.rules.model.RequestRules;
import dev.dragoman.rules.model.ResponseRules;
import dev.dragoman.rules.model.Route;
import dev.dragoman.rules.model.RoutePolicies;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigurationProperties;

/**
 * What a reload does to a route's breaker and limiter (each reload builds the routes anew): the
 * same settings keep the state (an open breaker stays open, spent permits stay spent), changed
 * settings start afresh, a route that is gone takes its own with it.
 */
class PolicyStateAcrossReloadsTests {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T04:00:00Z"), ZoneOffset.UTC);

    @Test
    void limiter_sameLimitKeepsSpentPermits_changedLimitStartsFull_goneRouteIsRemoved() {
        RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();
        RateLimits limits = new RateLimits(registry);
        RateLimiter first = limits.limiterFor(route("r", limit(2)), "web-support");
        assertThat(first.acquirePermission()).isTrue();
        assertThat(first.acquirePermission()).isTrue();

        RateLimiter afterReload = limits.limiterFor(route("r", limit(2)), "web-support");
        assertThat(afterReload).isSameAs(first);
        assertThat(afterReload.acquirePermission()).isFalse();

        RateLimiter changed = limits.limiterFor(route("r", limit(3)), "web-support");
        assertThat(changed).isNotSameAs(first);
        assertThat(changed.acquirePermission()).isTrue();
        assertThat(registry.getAllRateLimiters()).extracting(RateLimiter::getName).containsExactly("r/web-support");

        limits.retainRoutes(Set.of("other"));
        assertThat(registry.getAllRateLimiters()).isEmpty();
    }

    @Test
    void breaker_sameSettingsStayOpen_changedSettingsStartClosed_goneRouteIsRemoved() {
        ReactiveResilience4JCircuitBreakerFactory factory = new ReactiveResilience4JCircuitBreakerFactory(
                CircuitBreakerRegistry.ofDefaults(), TimeLimiterRegistry.ofDefaults(), null, new Resilience4JConfigurationProperties());
        Breakers breakers = new Breakers(factory, clock);
        String name = breakers.prepare(route("r", breaker(Duration.ofSeconds(30))));
        CircuitBreaker breaker = factory.getCircuitBreakerRegistry().circuitBreaker(name);
        breaker.transitionToOpenState();
        assertThat(breakers.untilHalfOpen(name)).isEqualTo(Duration.ofSeconds(30));

        breakers.prepare(route("r", breaker(Duration.ofSeconds(30))));
        assertThat(factory.getCircuitBreakerRegistry().circuitBreaker(name).getState()).isEqualTo(CircuitBreaker.State.OPEN);

        breakers.prepare(route("r", breaker(Duration.ofSeconds(10))));
        CircuitBreaker changed = factory.getCircuitBreakerRegistry().circuitBreaker(name);
        assertThat(changed).isNotSameAs(breaker);
        assertThat(changed.getState()).isEqualTo(CircuitBreaker.State.CLOSED);

        breakers.retainRoutes(Set.of("other"));
        assertThat(factory.getCircuitBreakerRegistry().getAllCircuitBreakers()).isEmpty();
    }

    private static RoutePolicies limit(int requests) {
        return new RoutePolicies(List.of(), null, null, null, new RoutePolicies.RateLimit(requests, Duration.ofHours(1), requests), null);
    }

    private static RoutePolicies breaker(Duration openFor) {
        return new RoutePolicies(List.of(), null, null, new RoutePolicies.CircuitBreaker(50, 4, 4, openFor, 1), null, null);
    }

    private static Route route(String id, RoutePolicies policies) {
        return new Route(id, "web-support", "game-dept", "/r/**", 0, URI.create("http://127.0.0.1:9"), OnUnknown.REJECT,
                RequestRules.NONE, ResponseRules.NONE, policies);
    }
}
