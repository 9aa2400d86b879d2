package dev.dragoman.gateway.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springdoc.core.annotations.RouterOperation;
import org.springdoc.core.annotations.RouterOperations;
import org.springframework.web.bind.annotation.RequestMethod;
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

    /** Described for GET /admin/openapi (docs/ADMIN.md, "Describing a new route"). */
    @RouterOperations({
            @RouterOperation(path = "/admin/sagas/{sagaid}", method = RequestMethod.GET, operation = @Operation(operationId = "saga",
                    tags = "sagas", summary = "One saga: status, deadline, participants, timeline and every copy sent",
                    parameters = @Parameter(in = ParameterIn.PATH, name = "sagaid", required = true, description = "the saga instance's id"),
                    responses = {@ApiResponse(responseCode = "200", description = "the saga"),
                            @ApiResponse(responseCode = "404", description = "unknown-saga"),
                            @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/events", method = RequestMethod.GET, operation = @Operation(operationId = "event", tags = "events",
                    summary = "One accepted event and where each of its copies stands",
                    parameters = {@Parameter(in = ParameterIn.QUERY, name = "source", required = true, description = "the CloudEvent's source"),
                            @Parameter(in = ParameterIn.QUERY, name = "id", required = true, description = "the CloudEvent's id")},
                    responses = {@ApiResponse(responseCode = "200", description = "the event and its copies"),
                            @ApiResponse(responseCode = "400", description = "invalid-query: source or id missing"),
                            @ApiResponse(responseCode = "404", description = "unknown-event"),
                            @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")}))})
    @Bean
    RouterFunction<ServerResponse> eventAdminRoutes(SagaCoordinator sagas, PublishedEvents published, EventStore store, Clock clock) {
        EventAdminHandlers admin = new EventAdminHandlers(sagas, published, store, clock);
        return RouterFunctions.route()
                .GET("/admin/sagas/{sagaid}", admin::saga)
                .GET("/admin/events", admin::event)
                .build();
    }
}
