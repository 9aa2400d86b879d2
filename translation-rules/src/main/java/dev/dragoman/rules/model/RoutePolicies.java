package dev.dragoman.rules.model;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What a route does besides translating, as every gateway does per route: the methods it
 * serves, how long it waits for its upstream, whether it retries, breaks the circuit, limits
 * its callers' rate and answers browsers' CORS requests. Each is {@code null} (or empty, for
 * {@code methods}) when the map leaves it out, and then the route behaves as it did before
 * policies existed. The gateway maps each onto Spring Cloud Gateway's or Resilience4j's own
 * filters and configuration; the engine only reads and checks them.
 *
 * @param methods the HTTP methods the route serves, upper case, in the map's order; empty for all
 * @param timeout how long the upstream has to begin its answer, or null for the gateway's default
 */
public record RoutePolicies(
        List<String> methods,
        Duration timeout,
        Retry retry,
        CircuitBreaker circuitBreaker,
        RateLimit rateLimit,
        Cors cors) {

    /** No policy at all: every method, the gateway's default timeout, no retry, breaker, limit or CORS. */
    public static final RoutePolicies NONE = new RoutePolicies(List.of(), null, null, null, null, null);

    /** The methods RFC 9110 section 9.2.2 calls idempotent: the only ones a retry may repeat. */
    public static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

    /** The methods a route may name. */
    public static final List<String> KNOWN_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    public RoutePolicies {
        methods = Collections2.list(methods);
    }

    /** Whether the route has any policy; a route without any is built exactly as before. */
    public boolean any() {
        return !methods.isEmpty() || timeout != null || retry != null || circuitBreaker != null || rateLimit != null || cors != null;
    }

    /** Whether the route serves this method (every method when {@code methods} is left out). */
    public boolean serves(String method) {
        return methods.isEmpty() || methods.contains(method);
    }

    /** The idempotent methods among those served: what a retry can apply to. */
    public List<String> retriable() {
        List<String> served = methods.isEmpty() ? KNOWN_METHODS : methods;
        return served.stream().filter(IDEMPOTENT::contains).toList();
    }

    /**
     * {@code retry}: an idempotent request is sent again after a connect error or a 502, 503 or
     * 504 answer, at most {@code retries} more times, waiting {@code backoff}, then twice as long
     * each time, never longer than {@code maxBackoff}.
     */
    public record Retry(int retries, Duration backoff, Duration maxBackoff) {
        public static final int MAX_RETRIES = 10;
        public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(50);
        public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(1);

        public Retry {
            if (retries < 1 || retries > MAX_RETRIES) {
                throw new IllegalArgumentException("retries must be between 1 and " + MAX_RETRIES + " but was " + retries);
            }
            backoff = backoff == null ? DEFAULT_BACKOFF : backoff;
            maxBackoff = maxBackoff == null ? (backoff.compareTo(DEFAULT_MAX_BACKOFF) > 0 ? backoff : DEFAULT_MAX_BACKOFF) : maxBackoff;
            if (maxBackoff.compareTo(backoff) < 0) {
                throw new IllegalArgumentException("max-backoff " + maxBackoff + " is shorter than backoff " + backoff);
            }
        }
    }

    /**
     * {@code circuit-breaker}: over the last {@code window} calls (once at least
     * {@code minimumCalls} were made), when {@code failureRate} percent or more failed (a connect
     * error, a timeout, a 500, 502, 503 or 504 answer), the breaker opens for {@code openFor}: calls
     * are answered 503 at once. Then {@code halfOpenCalls} trial calls decide whether it closes.
     */
    public record CircuitBreaker(int failureRate, int window, int minimumCalls, Duration openFor, int halfOpenCalls) {
        public static final int DEFAULT_FAILURE_RATE = 50;
        public static final int DEFAULT_WINDOW = 20;
        public static final int DEFAULT_MINIMUM_CALLS = 10;
        public static final Duration DEFAULT_OPEN_FOR = Duration.ofSeconds(30);
        public static final int DEFAULT_HALF_OPEN_CALLS = 3;

        public CircuitBreaker {
            if (failureRate < 1 || failureRate > 100) {
                throw new IllegalArgumentException("failure-rate must be a percentage from 1 to 100 but was " + failureRate);
            }
            if (window < 1) {
                throw new IllegalArgumentException("window must be at least 1 call but was " + window);
            }
            if (minimumCalls < 1 || minimumCalls > window) {
                throw new IllegalArgumentException("minimum-calls must be from 1 to the window (" + window + ") but was " + minimumCalls);
            }
            if (halfOpenCalls < 1) {
                throw new IllegalArgumentException("half-open-calls must be at least 1 but was " + halfOpenCalls);
            }
            openFor = openFor == null ? DEFAULT_OPEN_FOR : openFor;
        }
    }

    /**
     * {@code rate-limit}: each caller context may make {@code requests} requests per
     * {@code period} on this route, at most {@code burst} of them at once (all of them when
     * {@code burst} is left out); one more is answered 429.
     */
    public record RateLimit(int requests, Duration period, int burst) {
        /** The shortest refresh the limiter keeps exactly: a burst smaller than this allows is refused at load. */
        public static final Duration SHORTEST_REFRESH = Duration.ofMillis(1);

        public RateLimit {
            if (requests < 1) {
                throw new IllegalArgumentException("requests must be at least 1 but was " + requests);
            }
            if (burst < 1 || burst > requests) {
                throw new IllegalArgumentException("burst must be from 1 to requests (" + requests + ") but was " + burst);
            }
            if (refresh(period, requests, burst).compareTo(SHORTEST_REFRESH) < 0) {
                throw new IllegalArgumentException("a burst of " + burst + " at " + requests + " per " + period
                        + " refills every " + refresh(period, requests, burst).toNanos() + " ns, under the 1 ms the limiter keeps;"
                        + " raise burst or lengthen period");
            }
        }

        /** How often {@code burst} permits come back: {@code period * burst / requests}, so that a period adds up to {@code requests}. */
        public Duration refresh() {
            return refresh(period, requests, burst);
        }

        private static Duration refresh(Duration period, int requests, int burst) {
            return Duration.ofNanos(period.toNanos() / requests * burst);
        }
    }

    /**
     * {@code cors}: browsers from {@code origins} may call the route; a preflight is answered by
     * the gateway, allowing {@code methods} (the route's own, or GET, HEAD and POST, when left
     * out) and {@code headers}, cached by the browser for {@code maxAge}.
     *
     * @param origins origins or origin patterns ({@code https://*.example.com}), or {@code *}
     * @param headers request headers a browser may send; {@code *} for any
     * @param exposeHeaders response headers a browser's script may read besides the simple ones
     */
    public record Cors(List<String> origins, List<String> methods, List<String> headers, List<String> exposeHeaders, Duration maxAge) {
        public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(30);

        public Cors {
            origins = Collections2.list(origins);
            methods = Collections2.list(methods);
            headers = Collections2.list(headers);
            exposeHeaders = Collections2.list(exposeHeaders);
            maxAge = maxAge == null ? DEFAULT_MAX_AGE : maxAge;
            if (origins.isEmpty()) {
                throw new IllegalArgumentException("cors needs at least one origin");
            }
        }
    }
}
