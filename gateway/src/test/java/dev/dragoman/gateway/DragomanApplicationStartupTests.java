package dev.dragoman.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.gateway.security.CallerKeys;
import dev.dragoman.rules.ContextMapsException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class DragomanApplicationStartupTests {

    @Test
    void refusesToStartOnMapsThatDoNotLoad_namingEveryErrorsFileAndLine() {
        SpringApplicationBuilder gateway = gatewayOn("src/test/resources/maps/broken");

        assertThatThrownBy(gateway::run)
                .rootCause()
                .isInstanceOf(ContextMapsException.class)
                .hasMessageContaining("routes.yaml:5: ")
                .hasMessageContaining("nobody")
                .hasMessageContaining("routes.yaml:11: ")
                .hasMessageContaining("nowhere");
    }

    @Test
    void refusesToStartWithoutItsMapsDirectory() {
        SpringApplicationBuilder gateway = gatewayOn("src/test/resources/maps/absent");

        assertThatThrownBy(gateway::run)
                .rootCause()
                .isInstanceOf(ContextMapsException.class)
                .hasMessageContaining("src/test/resources/maps/absent");
    }

    @Test
    void refusesToStartWithoutCallerKeys_unlessInOpenDevelopmentMode() {
        SpringApplicationBuilder gateway = new SpringApplicationBuilder(DragomanApplication.class)
                .properties("server.port=0", "dragoman.context-maps=src/test/resources/maps/valid", "spring.main.banner-mode=off");

        assertThatThrownBy(gateway::run)
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dragoman.callers.<context>.api-keys")
                .hasMessageContaining("dragoman.open-development-mode=true");
    }

    @Test
    void startsWithoutCallerKeysInOpenDevelopmentMode() {
        // command-line arguments: builder properties are only defaults, and application.yaml's port would win
        try (var context = new SpringApplicationBuilder(DragomanApplication.class).run("--server.port=0",
                "--dragoman.context-maps=src/test/resources/maps/valid", "--spring.main.banner-mode=off",
                "--dragoman.open-development-mode=true")) {
            assertThat(context.getBean(CallerKeys.class).openDevelopmentMode()).isTrue();
        }
    }

    private static SpringApplicationBuilder gatewayOn(String contextMaps) {
        return new SpringApplicationBuilder(DragomanApplication.class)
                .properties("server.port=0", "dragoman.context-maps=" + contextMaps, "spring.main.banner-mode=off",
                        "dragoman.callers.web-support.api-keys=ws-key");
    }
}
