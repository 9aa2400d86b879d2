package dev.dragoman.gateway;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Dragoman's own settings, under {@code dragoman.*}.
 *
 * @param contextMaps Directory of the context-map YAML files the gateway serves (environment variable DRAGOMAN_CONTEXT_MAPS).
 */
@ConfigurationProperties("dragoman")
@Validated
public record DragomanProperties(@NotNull @DefaultValue("context-maps") Path contextMaps) {
}
