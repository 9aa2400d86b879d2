package dev.dragoman.gateway;

import dev.dragoman.gateway.config.DragomanProperties;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class OverridesTests {

    @Test
    void bindsUpstreamsByRouteIdAndInboxesByContext_dashesAndDotsIncluded() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "dragoman.overrides.upstreams.web-support-to-game-dept", "http://127.0.0.1:4001",
                "dragoman.overrides.upstreams[orders.v2]", "http://127.0.0.1:4002",
                "dragoman.overrides.inboxes.product", "http://127.0.0.1:4003/inbox/product")));

        DragomanProperties properties = binder.bind("dragoman", DragomanProperties.class).get();

        assertThat(properties.overrides().upstreams()).containsOnly(
                Map.entry("web-support-to-game-dept", URI.create("http://127.0.0.1:4001")),
                Map.entry("orders.v2", URI.create("http://127.0.0.1:4002")));
        assertThat(properties.overrides().inboxes()).containsOnly(Map.entry("product", "http://127.0.0.1:4003/inbox/product"));
    }

    @Test
    void noOverrides_byDefault() {
        DragomanProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("dragoman.max-body-size", "1MB")))
                .bind("dragoman", DragomanProperties.class).get();

        assertThat(properties.overrides().upstreams()).isEmpty();
        assertThat(properties.overrides().inboxes()).isEmpty();
    }

    @Test
    void anOverrideReplacesTheDeclaredUrl_othersKeepTheirs() {
        var overrides = new DragomanProperties.Overrides(Map.of("a", URI.create("http://127.0.0.1:1")), Map.of("order", "http://127.0.0.1:2/e"));

        assertThat(overrides.upstream("a", URI.create("http://declared"))).isEqualTo(URI.create("http://127.0.0.1:1"));
        assertThat(overrides.upstream("b", URI.create("http://declared"))).isEqualTo(URI.create("http://declared"));
        assertThat(overrides.inbox("order", "http://declared/events")).isEqualTo("http://127.0.0.1:2/e");
        assertThat(overrides.inbox("product", "http://declared/events")).isEqualTo("http://declared/events");
        assertThat(overrides.inbox("product", null)).isNull();
    }
}
