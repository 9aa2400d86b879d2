package dev.dragoman.gateway.filter;

import dev.dragoman.gateway.metrics.TranslationMetrics;
import dev.dragoman.rules.DirectionTranslator;
import dev.dragoman.rules.RouteTranslator;
import dev.dragoman.rules.Translators;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;

/**
 * What both translation filters of one route share: the translators of the model the route was
 * built from, the route's own rules, the body limit and the metrics.
 */
public record RouteTranslation(Translators translators, RouteTranslator route, long maxBodySize, TranslationMetrics metrics) {

    String id() {
        return route.route().id();
    }

    /**
     * The headers that {@code rules} name, to translate; the others are not looked at. Lines of
     * one header in several casings ({@code x-game} and {@code X-GAME}) are one header with all
     * their values, under the first casing seen: translated once, written back once.
     */
    static Map<String, List<String>> headersToTranslate(DirectionTranslator rules, HttpHeaders headers) {
        Map<String, List<String>> named = new LinkedHashMap<>();
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (rules.translatesHeader(name) && seen.add(name)) {
                named.put(name, headers.get(name));
            }
        });
        return named;
    }

    /** Writes translated headers back, replacing every line of each, whatever casing the message used for it. */
    static void replace(HttpHeaders target, Map<String, List<String>> translated) {
        translated.forEach((name, values) -> {
            List<String> casings = new java.util.ArrayList<>();
            target.forEach((existing, v) -> {
                if (existing.equalsIgnoreCase(name)) {
                    casings.add(existing);
                }
            });
            casings.forEach(target::remove);
            target.put(name, values);
        });
    }
}
