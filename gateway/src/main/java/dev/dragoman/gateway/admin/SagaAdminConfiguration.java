package dev.dragoman.gateway.admin;

import dev.dragoman.gateway.reload.Reloader;
import dev.dragoman.gateway.saga.SagaAborts;
import dev.dragoman.gateway.saga.SagaSearches;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The saga list and its search, an operator's abort, and the change indicator a page polls
 * (docs/ADMIN.md), guarded by the admin key like the rest of {@code /admin/}.
 */
@Configuration(proxyBeanMethods = false)
class SagaAdminConfiguration {

    @Bean
    RouterFunction<ServerResponse> sagaAdminRoutes(SagaSearches searches, SagaAborts aborts, Reloader reloader, MeterRegistry registry,
            Clock clock) {
        SagaAdminHandlers admin = new SagaAdminHandlers(searches, aborts, reloader, registry, clock);
        return RouterFunctions.route()
                .GET("/admin/sagas", admin::sagas)
                .POST("/admin/sagas/{sagaid}/abort", admin::abort)
                .GET("/admin/changes", admin::changes)
                .build();
    }
}
