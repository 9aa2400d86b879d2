package dev.dragoman.gateway.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springdoc.core.annotations.RouterOperation;
import org.springdoc.core.annotations.RouterOperations;
import org.springframework.web.bind.annotation.RequestMethod;
import dev.dragoman.gateway.problem.JsonAnswers;
import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemType;
import dev.dragoman.gateway.problem.RecentProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /admin/problems/{requestId}}: a problem the gateway answered lately, with what the
 * caller was not told (docs/ADMIN.md). Guarded by the admin key like the rest of {@code /admin/}.
 */
@Configuration(proxyBeanMethods = false)
class ProblemsAdminConfiguration {

    /** Described for GET /admin/openapi (docs/ADMIN.md, "Describing a new route"). */
    @RouterOperations(@RouterOperation(path = "/admin/problems/{requestId}", method = RequestMethod.GET, operation = @Operation(
            operationId = "problem", tags = "problems", summary = "A problem answered lately, with what the caller was not told",
            parameters = @Parameter(in = ParameterIn.PATH, name = "requestId", required = true, description = "the problem's requestId"),
            responses = {@ApiResponse(responseCode = "200", description = "the problem"),
                    @ApiResponse(responseCode = "404", description = "unknown-problem"),
                            @ApiResponse(responseCode = "401", description = "no admin key"),
                            @ApiResponse(responseCode = "403", description = "a caller's key, not an admin key")})))
    @Bean
    RouterFunction<ServerResponse> problemsAdminRoutes(RecentProblems problems) {
        return RouterFunctions.route().GET("/admin/problems/{requestId}", request -> problem(problems, request)).build();
    }

    private static Mono<ServerResponse> problem(RecentProblems problems, ServerRequest request) {
        String id = request.pathVariable("requestId");
        return problems.find(id)
                .map(json -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json))
                .orElseGet(() -> JsonAnswers.problem(request, Problem.of(HttpStatus.NOT_FOUND, ProblemType.UNKNOWN_PROBLEM, "No such problem",
                        "no problem with request id '" + id + "' was answered in the last hour, or it was pushed out by newer"
                                + " ones; look for the id in the gateway's log")));
    }
}
