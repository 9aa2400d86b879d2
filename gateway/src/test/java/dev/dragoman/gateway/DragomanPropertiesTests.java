package dev.dragoman.gateway;

import dev.dragoman.gateway.config.DragomanProperties;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class DragomanPropertiesTests {

    @Test
    void contextMapsDefaultsToTheFolderInTheWorkingDirectory() {
        assertThat(bindFromEnvironment(Map.of()).contextMaps()).isEqualTo(Path.of("context-maps"));
    }

    @Test
    void contextMapsBindsFromTheEnvironmentVariable() {
        DragomanProperties properties = bindFromEnvironment(Map.of("DRAGOMAN_CONTEXT_MAPS", "/srv/dragoman/maps"));

        assertThat(properties.contextMaps()).isEqualTo(Path.of("/srv/dragoman/maps"));
    }

    private static DragomanProperties bindFromEnvironment(Map<String, Object> variables) {
        var environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
        return new Binder(ConfigurationPropertySources.from(environment))
                .bindOrCreate("dragoman", DragomanProperties.class);
    }
}
