package dev.dragoman.gateway.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springdoc.core.annotations.RouterOperation;
import org.springdoc.core.annotations.RouterOperations;
import org.springframework.web.bind.annotation.RequestMethod;
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

    /** Described for GET /admin/openapi (docs/ADMIN.md, "Describing a new route"). */
    @RouterOperations({
            @RouterOperation(path = "/admin/outbox", method = RequestMethod.GET, operation = @Operation(operationId = "outbox", tags = "outbox",
                    summary = "The outbox's copies, newest first, a keyset page at a time, with the depth and the oldest pending age",
                    parameters = {
                            @Parameter(in = ParameterIn.QUERY, name = "status", description = "pending, retrying, delivered, expired, rejected;"
                                    + " several with commas or repeated; all when absent"),
                            @Parameter(in = ParameterIn.QUERY, name = "receiver", description = "only copies for this context"),
                            @Parameter(in = ParameterIn.QUERY, name = "type", description = "only copies of this event type"),
                            @Parameter(in = ParameterIn.QUERY, name = "limit", description = "copies per page, 1 to 500 (default 50)"),
                            @Parameter(in = ParameterIn.QUERY, name = "cursor", description = "where the page starts: take the next link of the page before")},
                    responses = {@ApiResponse(responseCode = "200", description = "{now, depth, oldestPendingAge, copies: [...], next}"),
                            @ApiResponse(responseCode = "400", description = "invalid-query; parameter names the one at fault"),
                            @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/outbox/resend", method = RequestMethod.POST, operation = @Operation(operationId = "resend",
                    tags = "outbox", summary = "Re-send expired or rejected copies with a new deadline",
                    requestBody = @RequestBody(required = true, description = "{\"copies\": [ids], \"deadline\": \"2030-01-01T12:00:00Z\"}"),
                    responses = {@ApiResponse(responseCode = "200", description = "{now, resent, refused, copies: [{id, result, reason, deadline,"
                            + " previousStatus, previousError}]}"),
                            @ApiResponse(responseCode = "400", description = "invalid-query; parameter names copies or deadline"),
                            @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")}))})
    @Bean
    RouterFunction<ServerResponse> outboxAdminRoutes(OutboxListing listing, OutboxResend resend, Clock clock) {
        OutboxAdminHandlers admin = new OutboxAdminHandlers(listing, resend, clock);
        return RouterFunctions.route()
                .GET("/admin/outbox", admin::list)
                .POST("/admin/outbox/resend", admin::resend)
                .build();
    }
}
