package dev.dragoman.gateway.model;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reports the served model in health; the model itself is loaded by the gateway's configuration (a map that does not load stops the startup, see {@link ContextMapsFailureAnalyzer}). */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

    @Bean
    ContextMapsHealthIndicator contextMapsHealthIndicator(ModelHolder models) {
        return new ContextMapsHealthIndicator(models);
    }
}
