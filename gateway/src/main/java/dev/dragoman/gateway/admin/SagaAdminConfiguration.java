package dev.dragoman.gateway.admin;

import dev.dragoman.gateway.reload.Reloader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.dragoman.gateway.saga.SagaAborts;
import dev.dragoman.gateway.saga.SagaSearches;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springdoc.core.annotations.RouterOperation;
import org.springdoc.core.annotations.RouterOperations;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The saga list and its search, an operator's abort, and the change indicator a page polls
 * (docs/ADMIN.md), guarded by the admin key like the rest of {@code /admin/}.
 */
@Configuration(proxyBeanMethods = false)
class SagaAdminConfiguration {

    /** Described for GET /admin/openapi (docs/ADMIN.md, "Describing a new route"). */
    @RouterOperations({
            @RouterOperation(path = "/admin/sagas", method = RequestMethod.GET, operation = @Operation(operationId = "sagas", tags = "sagas",
                    summary = "Without a filter, the open and confirming sagas, nearest deadline first; with one, a search over every saga, newest first",
                    parameters = {
                            @Parameter(in = ParameterIn.QUERY, name = "status", description = "open, confirming, completed, aborted, timed-out; comma-separated"),
                            @Parameter(in = ParameterIn.QUERY, name = "saga", description = "the declared saga's name"),
                            @Parameter(in = ParameterIn.QUERY, name = "sagaid", description = "a prefix of the saga id"),
                            @Parameter(in = ParameterIn.QUERY, name = "from", description = "started at or after this instant (ISO-8601)"),
                            @Parameter(in = ParameterIn.QUERY, name = "to", description = "started before this instant (ISO-8601)"),
                            @Parameter(in = ParameterIn.QUERY, name = "order", description = "newest (default for a search) or deadline"),
                            @Parameter(in = ParameterIn.QUERY, name = "limit", description = "1 to 500, default 50"),
                            @Parameter(in = ParameterIn.QUERY, name = "cursor", description = "the opaque cursor of the previous page's next link")},
                    responses = {@ApiResponse(responseCode = "200", description = "{now, open: [...], next} or {now, sagas: [...], next}"),
                            @ApiResponse(responseCode = "400", description = "invalid-query: a parameter it cannot use, named in parameter"),
                            @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/sagas/{sagaid}/abort", method = RequestMethod.POST, operation = @Operation(operationId = "abortSaga",
                    tags = "sagas", summary = "Ends an open or confirming saga as aborted: the aborted outcome and the compensations go out as at a deadline",
                    parameters = @Parameter(in = ParameterIn.PATH, name = "sagaid", required = true, description = "the saga instance's id"),
                    requestBody = @RequestBody(required = false, description = "{\"operator\": ..., \"reason\": ...}, both optional"),
                    responses = {@ApiResponse(responseCode = "200", description = "the saga, aborted"),
                            @ApiResponse(responseCode = "400", description = "invalid-abort: a body it cannot use"),
                            @ApiResponse(responseCode = "404", description = "unknown-saga"),
                            @ApiResponse(responseCode = "409", description = "saga-ended: the saga has already ended"),
                            @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/changes", method = RequestMethod.GET, operation = @Operation(operationId = "changes", tags = "console",
                    summary = "A cheap token that changes when a saga changes, the last reload and the outbox gauges, for a page to poll",
                    responses = {@ApiResponse(responseCode = "200", description = "{now, sagas, reload, outbox}"),
                            @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")}))})
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
