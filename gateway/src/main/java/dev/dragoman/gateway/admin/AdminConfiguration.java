package dev.dragoman.gateway.admin;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.reload.Reloader;
import dev.dragoman.gateway.security.AdminFilter;
import dev.dragoman.gateway.security.CallerKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The admin API under {@code /admin/} (docs/ADMIN.md) and the filter that guards it. Its router
 * function is asked before Spring Cloud Gateway's routes, so a context map cannot shadow it.
 */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AdminConfiguration.class);

    @Bean
    RouterFunction<ServerResponse> adminRoutes(ModelHolder models, Reloader reloader) {
        AdminHandlers admin = new AdminHandlers(models, reloader);
        return RouterFunctions.route()
                .GET("/admin", admin::index)
                .GET("/admin/", admin::index)
                .GET("/admin/model", admin::model)
                .GET("/admin/reload", admin::reloadStatus)
                .POST("/admin/reload", admin::reload)
                .POST("/admin/translate", admin::translate)
                .build();
    }

    @Bean
    AdminFilter adminFilter(CallerKeys keys, DragomanProperties properties,
            @Value("${management.endpoints.web.base-path:/actuator}") String actuatorBasePath) {
        AdminFilter filter = new AdminFilter(keys, keys.adminKeysConfigured(), properties.admin().openPrometheus(),
                actuatorBasePath);
        if (filter.open()) {
            log.warn("""

                    ************************************************************************
                    * OPEN ADMIN API: no admin keys are configured and the gateway runs in *
                    * open development mode, so anyone who reaches /admin/ may reload the  *
                    * maps and read the model. Set dragoman.admin.api-keys to close it.    *
                    ************************************************************************""");
        } else if (!keys.adminKeysConfigured()) {
            log.info("No admin keys are configured (dragoman.admin.api-keys): the admin API under /admin/ refuses every call");
        }
        return filter;
    }
}
