package dev.dragoman.rules.yaml;

import dev.dragoman.rules.model.RoutePolicies;
import dev.dragoman.rules.yaml.MapsFileDto.CircuitBreakerDto;
import dev.dragoman.rules.yaml.MapsFileDto.CorsDto;
import dev.dragoman.rules.yaml.MapsFileDto.RateLimitDto;
import dev.dragoman.rules.yaml.MapsFileDto.RetryDto;
import dev.dragoman.rules.yaml.MapsFileDto.RouteDto;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * A route's policies from its DTO. Validation calls the same methods, so what it accepts is
 * what the mapper builds; each throws {@link IllegalArgumentException} with the message a
 * load error shows.
 */
public final class PolicyConversions {

    private PolicyConversions() {
    }

    public static RoutePolicies policies(RouteDto dto) {
        RoutePolicies policies = new RoutePolicies(methods(dto.methods()), Conversions.duration(dto.timeout()), retry(dto.retry()),
                circuitBreaker(dto.circuitBreaker()), rateLimit(dto.rateLimit()), cors(dto.cors()));
        return policies.any() ? policies : RoutePolicies.NONE;
    }

    /** Upper-case method names, each known and named once. */
    public static List<String> methods(List<String> names) {
        if (names == null) {
            return List.of();
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("methods is empty, so the route would answer nothing");
        }
        for (int i = 0; i < names.size(); i++) {
            method(names.get(i));
            if (names.subList(0, i).contains(names.get(i))) {
                throw new IllegalArgumentException("method " + names.get(i) + " is named twice");
            }
        }
        return List.copyOf(names);
    }

    /** One method name as HTTP spells it: upper case, one of {@link RoutePolicies#KNOWN_METHODS}. */
    public static String method(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a method name is empty");
        }
        if (!RoutePolicies.KNOWN_METHODS.contains(name)) {
            String upper = name.strip().toUpperCase(Locale.ROOT);
            if (RoutePolicies.KNOWN_METHODS.contains(upper)) {
                throw new IllegalArgumentException("method '" + name + "' must be written " + upper + " (method names are case-sensitive)");
            }
            throw new IllegalArgumentException("unknown method '" + name + "'");
        }
        return name;
    }

    public static RoutePolicies.Retry retry(RetryDto dto) {
        if (dto == null) {
            return null;
        }
        if (dto.retries() == null) {
            throw new IllegalArgumentException("'retries' is required");
        }
        return new RoutePolicies.Retry(dto.retries(), Conversions.duration(dto.backoff()), Conversions.duration(dto.maxBackoff()));
    }

    public static RoutePolicies.CircuitBreaker circuitBreaker(CircuitBreakerDto dto) {
        if (dto == null) {
            return null;
        }
        int window = or(dto.window(), RoutePolicies.CircuitBreaker.DEFAULT_WINDOW);
        return new RoutePolicies.CircuitBreaker(
                or(dto.failureRate(), RoutePolicies.CircuitBreaker.DEFAULT_FAILURE_RATE),
                window,
                or(dto.minimumCalls(), Math.min(window, RoutePolicies.CircuitBreaker.DEFAULT_MINIMUM_CALLS)),
                Conversions.duration(dto.openFor()),
                or(dto.halfOpenCalls(), RoutePolicies.CircuitBreaker.DEFAULT_HALF_OPEN_CALLS));
    }

    public static RoutePolicies.RateLimit rateLimit(RateLimitDto dto) {
        if (dto == null) {
            return null;
        }
        if (dto.requests() == null) {
            throw new IllegalArgumentException("'requests' is required");
        }
        if (dto.period() == null) {
            throw new IllegalArgumentException("'period' is required");
        }
        return new RoutePolicies.RateLimit(dto.requests(), Conversions.duration(dto.period()), or(dto.burst(), dto.requests()));
    }

    public static RoutePolicies.Cors cors(CorsDto dto) {
        if (dto == null) {
            return null;
        }
        if (dto.origins() == null || dto.origins().isEmpty()) {
            throw new IllegalArgumentException("'origins' is required: the origins whose pages may call the route");
        }
        dto.origins().forEach(PolicyConversions::origin);
        List<String> methods = dto.methods() == null ? List.of() : methods(dto.methods());
        return new RoutePolicies.Cors(dto.origins(), methods, dto.headers(), dto.exposeHeaders(), Conversions.duration(dto.maxAge()));
    }

    /** {@code *}, or an origin as a browser sends it (scheme, host, port; no path), where {@code *} may stand for part of the host. */
    public static String origin(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an origin is empty");
        }
        if (text.equals("*")) {
            return text;
        }
        URI uri;
        try {
            uri = new URI(text.replace("*", "wildcard"));
        } catch (Exception e) {
            throw new IllegalArgumentException("'" + text + "' is not an origin");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null && uri.getRawFragment() == null;
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
            throw new IllegalArgumentException("'" + text + "' is not an origin (scheme://host[:port], no path, not even a trailing '/')");
        }
        return text;
    }

    private static int or(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }
}
