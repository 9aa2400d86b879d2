package dev.dragoman.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.config.DragomanProperties.Overrides;
import dev.dragoman.gateway.metrics.TranslationMetrics;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.security.CallerKeys;
import dev.dragoman.rules.Translators;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.util.unit.DataSize;

/** dragoman.overrides.upstreams points a route elsewhere without editing the maps. */
class UpstreamOverrideTests {

    static final Path EXAMPLE_MAPS = Path.of("..", "context-maps");

    @Test
    void anOverriddenRouteForwardsToTheOverride_theOthersToTheirMapsUpstream() {
        ContextMapRoutes routes = new ContextMapRoutes(ModelHolder.load(EXAMPLE_MAPS, Translators::compile, Clock.systemUTC(),
                new Overrides(Map.of("web-support-to-game-dept", URI.create("http://127.0.0.1:4711")), Map.of())), openKeys(), 1024,
                new TranslationMetrics(new SimpleMeterRegistry()));

        Map<String, URI> uris = routes.getRoutes().collectList().block().stream().collect(Collectors.toMap(Route::getId, Route::getUri));

        assertThat(uris).containsEntry("web-support-to-game-dept", URI.create("http://127.0.0.1:4711"))
                .containsEntry("game-dept-to-web-support", URI.create("http://127.0.0.1:9102"));
    }

    static CallerKeys openKeys() {
        return new CallerKeys(new DragomanProperties(EXAMPLE_MAPS, Map.of(), new DragomanProperties.Admin(java.util.List.of()), true,
                DataSize.ofMegabytes(1), new DragomanProperties.Reload(false, Duration.ofMillis(500)), Path.of("data"), null, null));
    }
}
