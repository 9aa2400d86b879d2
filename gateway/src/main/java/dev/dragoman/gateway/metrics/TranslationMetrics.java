package dev.dragoman.gateway.metrics;

import dev.dragoman.rules.Unresolved;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-route translation metrics. Every tag comes from the maps (route ids, concept names) or is
 * one of a few fixed words, never from a request, so the number of series stays bounded.
 * Requests per route and status are Spring Cloud Gateway's own {@code spring.cloud.gateway.requests}.
 */
public final class TranslationMetrics {

    private final MeterRegistry registry;
    /*
     * The meters of every request, found by one map probe: building a meter's id and asking
     * the registry for it on each request (tags, id, hashing) was 1-2% of a translating route's
     * CPU in the profile (docs/BENCHMARKS.md).
     */
    private final Map<RouteDirection, Counter> translatedCounters = new ConcurrentHashMap<>();
    private final Map<RouteDirection, Timer> timers = new ConcurrentHashMap<>();

    private final Map<RouteDirectionConcept, Counter> unknownCounters = new ConcurrentHashMap<>();

    private record RouteDirection(String route, String direction) {
    }

    private record RouteDirectionConcept(String route, String direction, String concept) {
    }

    public TranslationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void translated(String route, String direction, int identifiers) {
        if (identifiers > 0) {
            translatedCounters.computeIfAbsent(new RouteDirection(route, direction), key -> Counter.builder("dragoman.identifiers.translated")
                    .description("Identifiers translated, per route and direction")
                    .tags("route", route, "direction", direction)
                    .register(registry))
                    .increment(identifiers);
        }
    }

    /** Counts each unknown identifier under its concept ({@code game} of the rule {@code game.name->code}). */
    public void unknown(String route, String direction, List<Unresolved> unresolved) {
        unknown(route, direction, unresolved, unresolved.size());
    }

    /**
     * Counts {@code total} unknown identifiers, of which {@code listed} are the first: each listed
     * one under its concept, the rest (which nobody looked at) under {@value #UNLISTED}. The tags
     * are the rule's concept, never the value: a caller sending a million different codes adds
     * no series.
     */
    public void unknown(String route, String direction, List<Unresolved> listed, int total) {
        for (Unresolved u : listed) {
            unknownCounter(route, direction, concept(u.rule())).increment();
        }
        if (total > listed.size()) {
            unknownCounter(route, direction, UNLISTED).increment(total - listed.size());
        }
    }

    /** The concept tag of unknown identifiers counted beyond the listed ones. */
    public static final String UNLISTED = "unlisted";

    private Counter unknownCounter(String route, String direction, String concept) {
        return unknownCounters.computeIfAbsent(new RouteDirectionConcept(route, direction, concept), key -> Counter.builder("dragoman.identifiers.unknown")
                .description("Identifiers the maps could not translate, per route, direction and concept")
                .tags("route", route, "direction", direction, "concept", concept)
                .register(registry));
    }

    public Timer.Sample start() {
        return Timer.start(registry);
    }

    public void stop(Timer.Sample sample, String route, String direction) {
        sample.stop(timers.computeIfAbsent(new RouteDirection(route, direction), key -> Timer.builder("dragoman.translation")
                .description("Time spent translating one request or response (path, query, headers and body)")
                .tags("route", route, "direction", direction)
                .register(registry)));
    }

    private static String concept(String rule) {
        int dot = rule.indexOf('.');
        return dot > 0 ? rule.substring(0, dot) : rule;
    }
}
