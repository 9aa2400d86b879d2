package dev.dragoman.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.filter.RequestTranslationFilter;
import dev.dragoman.gateway.filter.ResponseTranslationFilter;
import dev.dragoman.gateway.metrics.TranslationMetrics;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.security.CallerFilter;
import dev.dragoman.rules.Translators;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.route.Route;

/** Each route gets the filters its rules need: a direction without rules is proxied without a translation filter. */
class ContextMapRoutesTests {

    @Test
    void givesEachDirectionATranslationFilterOnlyWhenItHasRules(@TempDir Path maps) throws IOException {
        Files.writeString(maps.resolve("routes.yaml"), """
                contexts: {a: {}, b: {}}
                concepts:
                  game:
                    keys: {a: [code], b: [code]}
                    entries: [{a: {code: 1001}, b: {code: 1}}]
                routes:
                  - {id: plain, from: a, to: b, path: /plain/**, strip-prefix: 1, upstream: "http://127.0.0.1:1"}
                  - {id: asks, from: a, to: b, path: /asks/**, upstream: "http://127.0.0.1:1", request: {query: {code: game.code}}}
                  - {id: answers, from: a, to: b, path: /answers/**, upstream: "http://127.0.0.1:1", response: {body: {$.code: game.code}}}
                """);
        ContextMapRoutes routes = new ContextMapRoutes(ModelHolder.load(maps, Translators::compile, Clock.systemUTC(),
                DragomanProperties.Overrides.NONE), UpstreamOverrideTests.openKeys(), 1024,
                new TranslationMetrics(new SimpleMeterRegistry()));

        Map<String, List<Class<?>>> filters = routes.getRoutes().collectList().block().stream()
                .collect(Collectors.toMap(Route::getId, route -> route.getFilters().stream().map(ContextMapRoutesTests::kind).toList()));

        assertThat(filters.get("plain")).doesNotContain(RequestTranslationFilter.class, ResponseTranslationFilter.class)
                .contains(CallerFilter.class);
        assertThat(filters.get("asks")).contains(CallerFilter.class, RequestTranslationFilter.class)
                .doesNotContain(ResponseTranslationFilter.class);
        assertThat(filters.get("answers")).contains(CallerFilter.class, ResponseTranslationFilter.class)
                .doesNotContain(RequestTranslationFilter.class);
    }

    private static Class<?> kind(GatewayFilter filter) {
        return filter instanceof OrderedGatewayFilter ordered ? ordered.getDelegate().getClass() : filter.getClass();
    }
}
