package dev.dragoman.gateway.admin.console;

import dev.dragoman.gateway.admin.DryRun;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.rules.RouteTranslator;
import dev.dragoman.rules.model.Route;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The Try it tab: a form naming a route, a direction and a message, and the dry run of
 * {@code POST /admin/translate} ({@link DryRun}, the same code) shown side by side.
 */
final class TryHandlers {

    private final ModelHolder models;

    TryHandlers(ModelHolder models) {
        this.models = models;
    }

    /** {@code GET /admin/console/try}: the form, with the served model's routes. */
    Mono<ServerResponse> form(ServerRequest request) {
        List<Route> routes = models.current().model().routes();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("routes", routes);
        model.put("example", routes.isEmpty() ? "" : examplePath(routes.get(0)));
        return ServerResponse.ok().render("console/try", model);
    }

    /** {@code POST /admin/console/try}: the form's message through the route's translators, or what is wrong with it. */
    Mono<ServerResponse> run(ServerRequest request) {
        return request.formData().flatMap(form -> {
            ServedModel served = models.current();
            String id = field(form, "route");
            Optional<RouteTranslator> route = served.translators().route(id);
            if (route.isEmpty()) {
                return invalid("model version " + served.version() + " has no route '" + id + "'; the form lists the routes it had");
            }
            TryInput input;
            try {
                input = TryInput.of(route.get().route(), field(form, "direction"), field(form, "path"), field(form, "query"),
                        field(form, "headers"), field(form, "body"));
            } catch (TryInput.Invalid e) {
                return invalid(e.getMessage());
            }
            return DryRun.run(served, route.get(), input.dryRun())
                    .map(answer -> TryResult.of(served, route.get().route(), input, answer))
                    .flatMap(result -> ServerResponse.ok().render("console/try-result", Map.of("result", result)));
        });
    }

    private static Mono<ServerResponse> invalid(String message) {
        return ServerResponse.ok().render("console/try-result", Map.of("error", message));
    }

    private static String field(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    /** The route's path with its last wildcard left out, e.g. {@code /game-dept/} for {@code /game-dept/**}. */
    private static String examplePath(Route route) {
        String path = route.path();
        int star = path.indexOf('*');
        return star < 0 ? path : path.substring(0, star);
    }
}
