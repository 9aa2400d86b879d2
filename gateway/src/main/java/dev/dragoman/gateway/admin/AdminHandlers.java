package dev.dragoman.gateway.admin;

import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.gateway.problem.JsonAnswers;
import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemType;
import dev.dragoman.gateway.reload.ReloadStatus;
import dev.dragoman.gateway.reload.Reloader;
import dev.dragoman.rules.model.Route;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The admin API's handlers; {@link AdminConfiguration} maps them to paths. */
final class AdminHandlers {

    private final ModelHolder models;
    private final Reloader reloader;

    AdminHandlers(ModelHolder models, Reloader reloader) {
        this.models = models;
        this.reloader = reloader;
    }

    /** {@code GET /admin/}: what is served, how the last reload went, and where to look next. */
    Mono<ServerResponse> index(ServerRequest request) {
        ServedModel served = models.current();
        AdminIndex index = new AdminIndex(served.version(), served.loadedAt().toString(), directory(), ReloadView.of(reloader.status()),
                AdminIndex.Links.ALL);
        return JsonAnswers.ok(index);
    }

    /** {@code GET /admin/model}: the served model's contexts, concepts, routes, events and sagas. */
    Mono<ServerResponse> model(ServerRequest request) {
        return JsonAnswers.ok(ModelView.of(models.current(), directory()));
    }

    /** {@code GET /admin/reload}: the last reload, or the startup load if nothing reloaded yet. */
    Mono<ServerResponse> reloadStatus(ServerRequest request) {
        return JsonAnswers.ok(ReloadView.of(reloader.status()));
    }

    /** {@code POST /admin/reload}: 200 with the new status when the maps loaded, 422 with every error when refused. */
    Mono<ServerResponse> reload(ServerRequest request) {
        return Mono.fromCallable(() -> reloader.reload(Reloader.ADMIN))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(status -> status.loaded() ? JsonAnswers.ok(ReloadView.of(status)) : JsonAnswers.problem(request, refused(status)));
    }

    private ProblemDetail refused(ReloadStatus status) {
        int count = status.errors().size();
        ProblemDetail problem = Problem.of(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.MAPS_REFUSED, "Context maps refused",
                "the context maps in " + directory() + " did not load (" + count + " error" + (count == 1 ? "" : "s")
                        + ", the first: " + status.errors().get(0).located() + "); model version " + status.modelVersion()
                        + " keeps serving");
        problem.setProperty("modelVersion", status.modelVersion());
        problem.setProperty("lastSuccessAt", status.lastSuccessAt().toString());
        problem.setProperty("errors", ReloadView.errors(status.errors()));
        return problem;
    }

    /** {@code POST /admin/translate}: a dry run of one route's translation (see {@link DryRun}). */
    Mono<ServerResponse> translate(ServerRequest request) {
        return request.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                .flatMap(bytes -> {
                    DryRun.Input input;
                    try {
                        input = DryRun.parse(bytes);
                    } catch (DryRun.InvalidInput e) {
                        return JsonAnswers.problem(request, Problem.of(HttpStatus.BAD_REQUEST, ProblemType.INVALID_DRY_RUN, "Invalid dry run",
                                e.getMessage()));
                    }
                    ServedModel served = models.current();
                    return served.translators().route(input.route())
                            .map(route -> DryRun.run(served, route, input).flatMap(JsonAnswers::ok))
                            .orElseGet(() -> JsonAnswers.problem(request, unknownRoute(served, input.route())));
                });
    }

    private static ProblemDetail unknownRoute(ServedModel served, String id) {
        String known = served.model().routes().stream().map(Route::id).limit(20).collect(Collectors.joining(", "));
        ProblemDetail problem = Problem.of(HttpStatus.NOT_FOUND, ProblemType.UNKNOWN_ROUTE, "Unknown route",
                "model version " + served.version() + " has no route '" + id + "'"
                        + (known.isEmpty() ? "; it declares no routes" : "; its routes: " + known));
        problem.setProperty("route", id);
        return problem;
    }

    private String directory() {
        return models.directory().toAbsolutePath().normalize().toString();
    }
}
