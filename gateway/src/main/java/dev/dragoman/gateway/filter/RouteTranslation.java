package dev.dragoman.gateway.filter;

import dev.dragoman.gateway.metrics.TranslationMetrics;
import dev.dragoman.rules.DirectionTranslator;
import dev.dragoman.rules.RouteTranslator;
import dev.dragoman.rules.Translators;
import dev.dragoman.rules.ValuesTranslation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/**
 * What both translation filters of one route share: the translators of the model the route was
 * built from, the route's own rules, the body limit and the metrics.
 */
public record RouteTranslation(Translators translators, RouteTranslator route, long maxBodySize, TranslationMetrics metrics) {

    String id() {
        return route.route().id();
    }

    /** Translates the headers that {@code rules} name; the others are not looked at. */
    static ValuesTranslation headers(DirectionTranslator rules, HttpHeaders headers) {
        Map<String, List<String>> named = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (rules.translatesHeader(name)) {
                named.put(name, values);
            }
        });
        return rules.headers(named);
    }
}
