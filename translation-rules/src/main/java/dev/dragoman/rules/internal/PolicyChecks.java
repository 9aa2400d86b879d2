package dev.dragoman.rules.internal;

import dev.dragoman.rules.model.RoutePolicies;
import dev.dragoman.rules.yaml.PolicyConversions;
import dev.dragoman.rules.yaml.MapsFileDto.CorsDto;
import dev.dragoman.rules.yaml.MapsFileDto.RouteDto;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks a route's policies ({@code methods}, {@code timeout}, {@code retry},
 * {@code circuit-breaker}, {@code rate-limit}, {@code cors}) through the conversions the mapper
 * uses, each error at the key it is about: a duration at its own key, a number out of range at
 * the key the message starts with.
 */
final class PolicyChecks {
    private static final String DURATION_HINT = "write an ISO-8601 duration such as PT30S, PT10M or PT2H";

    private PolicyChecks() {
    }

    static void check(Declared<RouteDto> route, Checks checks) {
        RouteDto dto = route.dto();
        SourceFile file = route.file();
        if (dto.methods() != null) {
            methods(file, route.at("methods"), dto.methods(), checks);
        }
        checks.duration(file, route.at("timeout"), dto.timeout());
        if (dto.retry() != null) {
            String at = route.at("retry");
            checks.duration(file, KeyPaths.child(at, "backoff"), dto.retry().backoff());
            checks.duration(file, KeyPaths.child(at, "max-backoff"), dto.retry().maxBackoff());
            convert(file, at, checks, "retries must be a count from 1 to " + RoutePolicies.Retry.MAX_RETRIES + ", e.g. retry: {retries: 2}",
                    () -> PolicyConversions.retry(dto.retry()), "retries", "max-backoff");
        }
        if (dto.circuitBreaker() != null) {
            String at = route.at("circuit-breaker");
            checks.duration(file, KeyPaths.child(at, "open-for"), dto.circuitBreaker().openFor());
            convert(file, at, checks, "", () -> PolicyConversions.circuitBreaker(dto.circuitBreaker()),
                    "failure-rate", "window", "minimum-calls", "half-open-calls");
        }
        if (dto.rateLimit() != null) {
            String at = route.at("rate-limit");
            checks.duration(file, KeyPaths.child(at, "period"), dto.rateLimit().period());
            convert(file, at, checks, "e.g. rate-limit: {requests: 100, period: PT1M, burst: 10}",
                    () -> PolicyConversions.rateLimit(dto.rateLimit()), "requests", "burst", "period");
        }
        if (dto.cors() != null) {
            cors(file, route.at("cors"), dto.cors(), checks);
        }
    }

    private static void methods(SourceFile file, String at, List<String> methods, Checks checks) {
        if (methods.isEmpty()) {
            checks.problems().at(file, at, "methods is empty, so the route would answer nothing", "name the methods it serves, or leave methods out for all");
            return;
        }
        for (int i = 0; i < methods.size(); i++) {
            String name = methods.get(i);
            String here = KeyPaths.index(at, i);
            try {
                PolicyConversions.method(name);
            } catch (IllegalArgumentException e) {
                String hint = name == null ? "" : Suggestions.hint(name, RoutePolicies.KNOWN_METHODS, "methods");
                checks.problems().at(file, here, e.getMessage(), e.getMessage().contains("must be written") ? "" : hint);
                continue;
            }
            if (methods.subList(0, i).contains(name)) {
                checks.problems().at(file, here, "method " + name + " is named twice", "name it once");
            }
        }
    }

    private static void cors(SourceFile file, String at, CorsDto cors, Checks checks) {
        checks.duration(file, KeyPaths.child(at, "max-age"), cors.maxAge());
        if (cors.origins() == null || cors.origins().isEmpty()) {
            checks.problems().at(file, KeyPaths.child(at, "origins"), "'origins' is required: the origins whose pages may call the route",
                    "e.g. origins: [https://support.example.com]");
        } else {
            for (int i = 0; i < cors.origins().size(); i++) {
                try {
                    PolicyConversions.origin(cors.origins().get(i));
                } catch (IllegalArgumentException e) {
                    checks.problems().at(file, KeyPaths.index(KeyPaths.child(at, "origins"), i), e.getMessage(),
                            "write an origin as a browser sends it, such as https://support.example.com or https://*.example.com, or *");
                }
            }
        }
        if (cors.methods() != null) {
            methods(file, KeyPaths.child(at, "methods"), cors.methods(), checks);
        }
    }

    /**
     * Builds a policy and reports what its record refuses, at the key the message names (messages
     * start with the key) or else at the policy. Duration errors were reported at their own keys
     * already and are not repeated.
     */
    private static void convert(SourceFile file, String at, Checks checks, String hint, Supplier<?> build, String... keys) {
        try {
            build.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            if (message.contains("ISO-8601") || message.startsWith("a duration")) {
                return;
            }
            String key = at;
            for (String k : keys) {
                if (message.startsWith(k + " ") || message.startsWith("'" + k + "'") || message.startsWith("a burst") && k.equals("burst")) {
                    key = KeyPaths.child(at, k);
                    break;
                }
            }
            checks.problems().at(file, key, message, hint);
        }
    }
}
