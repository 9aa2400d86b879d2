package dev.dragoman.gateway.admin;

import dev.dragoman.gateway.intake.PublishedEvents;
import dev.dragoman.gateway.outbox.EventStore;
import dev.dragoman.gateway.saga.SagaCoordinator;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The admin API's event and saga views (docs/ADMIN.md), guarded by the admin key like the rest of
 * {@code /admin/}. The saga list, its search and abort are {@link SagaAdminConfiguration}'s.
 */
@Configuration(proxyBeanMethods = false)
class EventAdminConfiguration {

    @Bean
    RouterFunction<ServerResponse> eventAdminRoutes(SagaCoordinator sagas, PublishedEvents published, EventStore store, Clock clock) {
        EventAdminHandlers admin = new EventAdminHandlers(sagas, published, store, clock);
        return RouterFunctions.route()
                .GET("/admin/sagas/{sagaid}", admin::saga)
                .GET("/admin/events", admin::event)
                .build();
    }
}
