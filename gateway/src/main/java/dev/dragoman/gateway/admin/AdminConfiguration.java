package dev.dragoman.gateway.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springdoc.core.annotations.RouterOperation;
import org.springdoc.core.annotations.RouterOperations;
import org.springframework.web.bind.annotation.RequestMethod;
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

    /** Described for GET /admin/openapi (docs/ADMIN.md, "Describing a new route"). */
    @RouterOperations({
            @RouterOperation(path = "/admin", method = RequestMethod.GET, operation = @Operation(operationId = "indexNoSlash", tags = "model",
                    summary = "The index: model version, last reload, links (the same as /admin/)",
                    responses = {@ApiResponse(responseCode = "200", description = "the index"),
                            @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/", method = RequestMethod.GET, operation = @Operation(operationId = "index", tags = "model",
                    summary = "The index: model version, last reload, links",
                    responses = {@ApiResponse(responseCode = "200", description = "the index"),
                            @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/model", method = RequestMethod.GET, operation = @Operation(operationId = "model", tags = "model",
                    summary = "The served model: contexts, concepts, routes, events and sagas, with file:line",
                    responses = {@ApiResponse(responseCode = "200", description = "the model"),
                            @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/reload", method = RequestMethod.GET, operation = @Operation(operationId = "reloadStatus",
                    tags = "model", summary = "The last reload and its errors (file, line, hint)",
                    responses = {@ApiResponse(responseCode = "200", description = "the last reload"),
                            @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/reload", method = RequestMethod.POST, operation = @Operation(operationId = "reload", tags = "model",
                    summary = "Reload the maps now",
                    responses = {@ApiResponse(responseCode = "200", description = "loaded (or unchanged)"),
                            @ApiResponse(responseCode = "422", description = "maps-refused: the maps do not load; the errors name file and line"),
                            @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/translate", method = RequestMethod.POST, operation = @Operation(operationId = "translate",
                    tags = "model", summary = "A dry run: what a route would make of a request or a response",
                    requestBody = @RequestBody(required = true, description = "{route, direction (request|response), path, query, headers, body}"),
                    responses = {@ApiResponse(responseCode = "200", description = "the translated parts, translated, unresolved, outcome"),
                            @ApiResponse(responseCode = "400", description = "invalid-dry-run"),
                            @ApiResponse(responseCode = "404", description = "unknown-route"),
                            @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")}))})
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
