package dev.dragoman.gateway.admin.console;

import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.outbox.OutboxListing;
import dev.dragoman.gateway.outbox.OutboxResend;
import dev.dragoman.gateway.reload.Reloader;
import dev.dragoman.gateway.saga.SagaAborts;
import dev.dragoman.gateway.saga.SagaCoordinator;
import dev.dragoman.gateway.saga.SagaSearches;
import java.net.URI;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The console's routes (docs/ADMIN.md, "The console"). The shell at {@code /console/} is open, as it
 * holds no data; its fragments are under {@code /admin/console/}, where the admin filter asks for
 * the admin key. A new tab adds its fragment here, under {@code /admin/console/}, and a button in
 * {@code templates/console/index.html}.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    /** Where every fragment of the console lives: under /admin/, so the admin key guards it. */
    static final String FRAGMENTS = "/admin/console";

    /** The console's fragments are HTML for its page, not API: the OpenAPI document leaves them out (application.yaml). */
    @Bean
    RouterFunction<ServerResponse> consoleRoutes(ModelHolder models, Reloader reloader, SagaSearches searches, SagaAborts aborts,
            SagaCoordinator coordinator, OutboxListing listing, OutboxResend resend, Clock clock) {
        MapHandlers map = new MapHandlers(models, reloader);
        TryHandlers tryIt = new TryHandlers(models);
        SagaHandlers sagas = new SagaHandlers(searches, aborts, coordinator, models, clock);
        OutboxHandlers outbox = new OutboxHandlers(listing, resend, models, clock);
        return RouterFunctions.route()
                .GET("/console", request -> ServerResponse.permanentRedirect(URI.create("/console/")).build())
                .GET("/console/", request -> ServerResponse.ok().render("console/index"))
                .GET(FRAGMENTS + "/map", map::map)
                .GET(FRAGMENTS + "/map/context", map::context)
                .GET(FRAGMENTS + "/map/route", map::route)
                .GET(FRAGMENTS + "/map/delivery", map::delivery)
                .GET(FRAGMENTS + "/try", tryIt::form)
                .POST(FRAGMENTS + "/try", tryIt::run)
                .GET(FRAGMENTS + "/sagas", sagas::tab)
                .GET(FRAGMENTS + "/sagas/list", sagas::list)
                .GET(FRAGMENTS + "/sagas/one", sagas::saga)
                .POST(FRAGMENTS + "/sagas/abort", sagas::abort)
                .GET(FRAGMENTS + "/outbox", outbox::tab)
                .GET(FRAGMENTS + "/outbox/list", outbox::list)
                .POST(FRAGMENTS + "/outbox/resend", outbox::resend)
                .build();
    }
}
