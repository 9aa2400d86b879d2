package dev.dragoman.gateway.policy;

import dev.dragoman.rules.model.Route;
import dev.dragoman.rules.model.RoutePolicies;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Duration;
import java.util.Set;

/**
 * The routes' rate limiters, one per route and caller context, named {@code <route id>/<context>}
 * in Resilience4j's registry (and so in its meters).
 *
 * <p>Resilience4j's {@code RateLimiter} rather than Spring Cloud Gateway's
 * {@code RequestRateLimiter} with its Bucket4j limiter: the gateway's filter answers a bare 429
 * without a body or {@code Retry-After}, and Bucket4j would need a proxy manager and a store of
 * its own, while Resilience4j is already here for the breakers, is local to the instance as the
 * issue asks, says how long until the next permit, and binds its meters the same way.
 * Resilience4j hands out {@code limitForPeriod} permits every {@code limitRefreshPeriod}; a
 * map's {@code burst} of {@code requests} per {@code period} is {@code burst} permits every
 * {@code period * burst / requests}, which adds up to {@code requests} per period and never lets
 * more than {@code burst} through at once.
 *
 * <p>A reload keeps a limiter whose route and limit did not change, with the permits it has
 * handed out (so a reload is no way around a limit); a changed limit starts afresh; a limiter
 * whose route is gone is removed.
 */
final class RateLimits {

    private final RateLimiterRegistry registry;

    RateLimits(RateLimiterRegistry registry) {
        this.registry = registry;
    }

    RateLimiter limiterFor(Route route, String context) {
        RoutePolicies.RateLimit limit = route.policies().rateLimit();
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(limit.burst())
                .limitRefreshPeriod(limit.refresh())
                .timeoutDuration(Duration.ZERO)
                .build();
        String name = name(route.id(), context);
        RateLimiter existing = registry.find(name).orElse(null);
        if (existing != null && same(existing.getRateLimiterConfig(), config)) {
            return existing;
        }
        if (existing != null) {
            registry.remove(name);
        }
        return registry.rateLimiter(name, config);
    }

    /** Removes the limiters of routes no longer served. */
    void retainRoutes(Set<String> routeIds) {
        registry.getAllRateLimiters().stream()
                .map(RateLimiter::getName)
                .filter(name -> !routeIds.contains(name.substring(0, name.lastIndexOf('/'))))
                .toList()
                .forEach(registry::remove);
    }

    static String name(String routeId, String context) {
        return routeId + "/" + context;
    }

    private static boolean same(RateLimiterConfig a, RateLimiterConfig b) {
        return a.getLimitForPeriod() == b.getLimitForPeriod() && a.getLimitRefreshPeriod().equals(b.getLimitRefreshPeriod());
    }
}
