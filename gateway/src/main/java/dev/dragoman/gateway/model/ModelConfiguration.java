package dev.dragoman.gateway.model;

import dev.dragoman.gateway.DragomanProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the context maps at startup; a map that does not load stops the startup (see {@link ContextMapsFailureAnalyzer}). */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

    @Bean
    ModelHolder modelHolder(DragomanProperties properties) {
        return ModelHolder.load(properties.contextMaps());
    }

    @Bean
    ContextMapsHealthIndicator contextMapsHealthIndicator(ModelHolder models) {
        return new ContextMapsHealthIndicator(models);
    }
}
