package dev.dragoman.gateway.admin;

import dev.dragoman.gateway.outbox.OutboxListing;
import dev.dragoman.gateway.outbox.OutboxResend;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The outbox listing and re-send (docs/ADMIN.md, "Outbox"), guarded by the admin key like the rest of {@code /admin/}. */
@Configuration(proxyBeanMethods = false)
class OutboxAdminConfiguration {

    @Bean
    RouterFunction<ServerResponse> outboxAdminRoutes(OutboxListing listing, OutboxResend resend, Clock clock) {
        OutboxAdminHandlers admin = new OutboxAdminHandlers(listing, resend, clock);
        return RouterFunctions.route()
                .GET("/admin/outbox", admin::list)
                .POST("/admin/outbox/resend", admin::resend)
                .build();
    }
}
