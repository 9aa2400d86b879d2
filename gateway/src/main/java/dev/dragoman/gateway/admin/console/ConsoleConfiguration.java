package dev.dragoman.gateway.admin.console;

import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.outbox.OutboxListing;
import dev.dragoman.gateway.outbox.OutboxResend;
import dev.dragoman.gateway.reload.Reloader;
import dev.dragoman.gateway.saga.SagaAborts;
import dev.dragoman.gateway.saga.SagaCoordinator;
import dev.dragoman.gateway.saga.SagaSearches;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
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
 * The console's routes (docs/ADMIN.md, "The console"). The shell at {@code /console/} is open, as it
 * holds no data; its fragments are under {@code /admin/console/}, where the admin filter asks for
 * the admin key. A new tab adds its fragment here, under {@code /admin/console/}, and a button in
 * {@code templates/console/index.html}.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    /** Where every fragment of the console lives: under /admin/, so the admin key guards it. */
    static final String FRAGMENTS = "/admin/console";

    /**
     * Described for GET /admin/openapi (docs/ADMIN.md, "Describing a new route"): the fragments are
     * HTML for the console's page, not an API to build on, but they are admin routes like the others.
     */
    @RouterOperations({
            @RouterOperation(path = "/admin/console/map", method = RequestMethod.GET, operation = @Operation(operationId = "consoleMap", tags = "console",
                    summary = "The Map tab: the served model as a diagram; 204 while shown is still the model and reload stamp",
                    parameters = {
                            @Parameter(in = ParameterIn.QUERY, name = "shown", description = "the stamp the page shows")},
                    responses = {@ApiResponse(responseCode = "200", description = "an HTML fragment"), @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/console/map/context", method = RequestMethod.GET, operation = @Operation(operationId = "consoleMapContext", tags = "console",
                    summary = "A context's declarations with file:line",
                    parameters = {
                            @Parameter(in = ParameterIn.QUERY, name = "name", description = "the context")},
                    responses = {@ApiResponse(responseCode = "200", description = "an HTML fragment"), @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/console/map/route", method = RequestMethod.GET, operation = @Operation(operationId = "consoleMapRoute", tags = "console",
                    summary = "A route's declaration with file:line",
                    parameters = {
                            @Parameter(in = ParameterIn.QUERY, name = "id", description = "the route's id")},
                    responses = {@ApiResponse(responseCode = "200", description = "an HTML fragment"), @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/console/map/delivery", method = RequestMethod.GET, operation = @Operation(operationId = "consoleMapDelivery", tags = "console",
                    summary = "An event's delivery to one context, with file:line",
                    parameters = {
                            @Parameter(in = ParameterIn.QUERY, name = "type", description = "the event type"),
                            @Parameter(in = ParameterIn.QUERY, name = "from", description = "the publisher"),
                            @Parameter(in = ParameterIn.QUERY, name = "to", description = "the receiver")},
                    responses = {@ApiResponse(responseCode = "200", description = "an HTML fragment"), @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/console/try", method = RequestMethod.GET, operation = @Operation(operationId = "consoleTryForm", tags = "console",
                    summary = "The Try it tab: the form",
                    responses = {@ApiResponse(responseCode = "200", description = "an HTML fragment"), @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/console/try", method = RequestMethod.POST, operation = @Operation(operationId = "consoleTry", tags = "console",
                    summary = "Try it: the dry run of POST /admin/translate, side by side",
                    responses = {@ApiResponse(responseCode = "200", description = "an HTML fragment"), @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/console/sagas", method = RequestMethod.GET, operation = @Operation(operationId = "consoleSagas", tags = "console",
                    summary = "The Sagas tab: the search form",
                    responses = {@ApiResponse(responseCode = "200", description = "an HTML fragment"), @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/console/sagas/list", method = RequestMethod.GET, operation = @Operation(operationId = "consoleSagaList", tags = "console",
                    summary = "A page of the saga search; 204 while shown is still the change token",
                    parameters = {
                            @Parameter(in = ParameterIn.QUERY, name = "status", description = "repeated: open, confirming, completed, aborted, timed-out; all when absent"),
                            @Parameter(in = ParameterIn.QUERY, name = "saga", description = "the saga's name"),
                            @Parameter(in = ParameterIn.QUERY, name = "sagaid", description = "a prefix of the saga id"),
                            @Parameter(in = ParameterIn.QUERY, name = "from", description = "started at or after, UTC, 2026-12-01T10:00"),
                            @Parameter(in = ParameterIn.QUERY, name = "to", description = "started before, UTC"),
                            @Parameter(in = ParameterIn.QUERY, name = "order", description = "newest (default) or deadline"),
                            @Parameter(in = ParameterIn.QUERY, name = "cursor", description = "this page's cursor"),
                            @Parameter(in = ParameterIn.QUERY, name = "trail", description = "the cursors of the pages before, for Previous"),
                            @Parameter(in = ParameterIn.QUERY, name = "shown", description = "the change token the page shows")},
                    responses = {@ApiResponse(responseCode = "200", description = "an HTML fragment"), @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/console/sagas/one", method = RequestMethod.GET, operation = @Operation(operationId = "consoleSaga", tags = "console",
                    summary = "A saga's page: participants, timeline, sent copies, time left; 204 while shown is still the change token",
                    parameters = {
                            @Parameter(in = ParameterIn.QUERY, name = "id", description = "the saga id"),
                            @Parameter(in = ParameterIn.QUERY, name = "shown", description = "the change token the page shows")},
                    responses = {@ApiResponse(responseCode = "200", description = "an HTML fragment"), @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/console/sagas/abort", method = RequestMethod.POST, operation = @Operation(operationId = "consoleSagaAbort", tags = "console",
                    summary = "Aborts an open or confirming saga (form: id, reason) and shows its page",
                    responses = {@ApiResponse(responseCode = "200", description = "an HTML fragment"), @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/console/outbox", method = RequestMethod.GET, operation = @Operation(operationId = "consoleOutbox", tags = "console",
                    summary = "The Outbox tab: the filters and the re-send controls",
                    responses = {@ApiResponse(responseCode = "200", description = "an HTML fragment"), @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/console/outbox/list", method = RequestMethod.GET, operation = @Operation(operationId = "consoleOutboxList", tags = "console",
                    summary = "A page of the outbox with its depth and oldest pending age; 204 while shown is still its stamp",
                    parameters = {
                            @Parameter(in = ParameterIn.QUERY, name = "status", description = "repeated: pending, retrying, delivered, expired, rejected; all when absent"),
                            @Parameter(in = ParameterIn.QUERY, name = "receiver", description = "only copies for this context"),
                            @Parameter(in = ParameterIn.QUERY, name = "type", description = "only copies of this event type"),
                            @Parameter(in = ParameterIn.QUERY, name = "cursor", description = "this page's cursor"),
                            @Parameter(in = ParameterIn.QUERY, name = "trail", description = "the cursors of the pages before, for Previous"),
                            @Parameter(in = ParameterIn.QUERY, name = "shown", description = "the stamp the page shows")},
                    responses = {@ApiResponse(responseCode = "200", description = "an HTML fragment"), @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})),
            @RouterOperation(path = "/admin/console/outbox/resend", method = RequestMethod.POST, operation = @Operation(operationId = "consoleResend", tags = "console",
                    summary = "Re-sends the ticked copies (form: copy repeated; until, UTC, or minutes from now) and shows each outcome",
                    responses = {@ApiResponse(responseCode = "200", description = "an HTML fragment"), @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")}))})
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
