package dev.dragoman.gateway.policy;

import dev.dragoman.rules.model.Route;
import dev.dragoman.rules.model.RoutePolicies;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;

/**
 * The routes' circuit breakers in Spring Cloud CircuitBreaker's Resilience4j registry, one per
 * route, named by its id (and so tagged in the {@code resilience4j_circuitbreaker_*} meters).
 *
 * <p>A reload keeps a breaker whose route and settings did not change, in the state it is in (an
 * open breaker stays open: the upstream did not get better because the maps were edited); a
 * changed breaker starts closed with its new settings; a breaker whose route is gone is removed.
 * The breaker is made here, before any request, so that one still in flight on the previous
 * model finds the new one instead of making one with the old settings.
 */
final class Breakers {

    private final ReactiveResilience4JCircuitBreakerFactory factory;
    private final CircuitBreakerRegistry registry;
    private final Clock clock;
    private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();

    Breakers(ReactiveResilience4JCircuitBreakerFactory factory, Clock clock) {
        this.factory = factory;
        this.registry = factory.getCircuitBreakerRegistry();
        this.clock = clock;
    }

    /** Makes sure the route's breaker exists with the route's settings; returns its name. */
    String prepare(Route route) {
        RoutePolicies.CircuitBreaker policy = route.policies().circuitBreaker();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(policy.window())
                .minimumNumberOfCalls(policy.minimumCalls())
                .failureRateThreshold(policy.failureRate())
                .waitDurationInOpenState(policy.openFor())
                .permittedNumberOfCallsInHalfOpenState(policy.halfOpenCalls())
                .build();
        String name = route.id();
        CircuitBreaker existing = registry.find(name).orElse(null);
        if (existing != null && same(existing.getCircuitBreakerConfig(), config)) {
            return name;
        }
        if (existing != null) {
            registry.remove(name);
            openedAt.remove(name);
        }
        factory.configure(builder -> builder.circuitBreakerConfig(config), name);
        CircuitBreaker breaker = registry.circuitBreaker(name, config);
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt.put(name, clock.instant());
            }
        });
        return name;
    }

    /** How long until the open breaker lets a trial call through: its open-for less the time it has been open. */
    Duration untilHalfOpen(String name) {
        CircuitBreaker breaker = registry.find(name).orElse(null);
        if (breaker == null) {
            return Duration.ZERO;
        }
        Duration openFor = Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
        Instant opened = openedAt.get(name);
        if (opened == null) {
            return openFor;
        }
        Duration left = openFor.minus(Duration.between(opened, clock.instant()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Removes the breakers of routes no longer served. */
    void retainRoutes(Set<String> routeIds) {
        registry.getAllCircuitBreakers().stream()
                .map(CircuitBreaker::getName)
                .filter(name -> !routeIds.contains(name))
                .toList()
                .forEach(name -> {
                    registry.remove(name);
                    openedAt.remove(name);
                });
    }

    private static boolean same(CircuitBreakerConfig a, CircuitBreakerConfig b) {
        return a.getSlidingWindowSize() == b.getSlidingWindowSize()
                && a.getMinimumNumberOfCalls() == b.getMinimumNumberOfCalls()
                && a.getFailureRateThreshold() == b.getFailureRateThreshold()
                && a.getPermittedNumberOfCallsInHalfOpenState() == b.getPermittedNumberOfCallsInHalfOpenState()
                && a.getWaitIntervalFunctionInOpenState().apply(1).equals(b.getWaitIntervalFunctionInOpenState().apply(1));
    }
}
