package dev.dragoman.gateway.admin;

import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.rules.model.BoundedContext;
import dev.dragoman.rules.model.Concept;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.rules.model.Delivery;
import dev.dragoman.rules.model.EventRoute;
import dev.dragoman.rules.model.IdentifierRef;
import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.Participant;
import dev.dragoman.rules.model.PathTemplate;
import dev.dragoman.rules.model.ResolverSpec;
import dev.dragoman.rules.model.Route;
import dev.dragoman.rules.model.Saga;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The served model as JSON for {@code GET /admin/model}. What comes from the maps keeps the
 * names the maps use ({@code strip-prefix}, {@code on-unknown}, {@code path-templates}), so
 * that it reads like the files; identifier tables show their size, never their rows (they may
 * hold millions).
 */
final class ModelView {

    private ModelView() {
    }

    static Map<String, Object> of(ServedModel served, String directory) {
        ContextModel model = served.model();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("modelVersion", served.version());
        view.put("loadedAt", served.loadedAt().toString());
        view.put("directory", directory);
        view.put("contexts", model.contexts().values().stream().map(ModelView::context).toList());
        view.put("concepts", model.concepts().values().stream().map(ModelView::concept).toList());
        view.put("routes", model.routes().stream().map(ModelView::route).toList());
        view.put("events", model.events().stream().map(ModelView::event).toList());
        view.put("sagas", model.sagas().stream().map(ModelView::saga).toList());
        return view;
    }

    private static Map<String, Object> context(BoundedContext context) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", context.name());
        view.put("description", context.description());
        view.put("inbox", context.inbox());
        return view;
    }

    private static Map<String, Object> concept(Concept concept) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", concept.name());
        view.put("keys", concept.keys());
        view.put("rows", concept.table().size());
        view.put("resolver", concept.resolverSpec().map(ModelView::resolver).orElse(null));
        return view;
    }

    private static Map<String, Object> resolver(ResolverSpec spec) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("url", spec.url().toString());
        view.put("timeout", spec.timeout().toString());
        view.put("maximum-size", spec.maximumSize());
        view.put("ttl", spec.ttl().toString());
        view.put("negative-ttl", spec.negativeTtl().toString());
        return view;
    }

    private static Map<String, Object> route(Route route) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", route.id());
        view.put("from", route.from());
        view.put("to", route.to());
        view.put("path", route.path());
        view.put("strip-prefix", route.stripPrefix());
        view.put("upstream", route.upstream().toString());
        view.put("on-unknown", route.onUnknown().name().toLowerCase());
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("path-templates", route.request().pathTemplates().stream().map(PathTemplate::text).toList());
        request.put("query", names(route.request().query()));
        request.put("headers", names(route.request().headers()));
        request.put("body", paths(route.request().body()));
        view.put("request", request);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("headers", names(route.response().headers()));
        response.put("body", paths(route.response().body()));
        view.put("response", response);
        return view;
    }

    private static Map<String, Object> event(EventRoute event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", event.type());
        view.put("from", event.from());
        view.put("deadline", duration(event.deadline()));
        view.put("deliver", event.deliver().stream().map(ModelView::delivery).toList());
        return view;
    }

    private static Map<String, Object> delivery(Delivery delivery) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("to", delivery.to());
        view.put("endpoint", delivery.endpoint());
        view.put("data", paths(delivery.data()));
        return view;
    }

    private static Map<String, Object> saga(Saga saga) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", saga.name());
        view.put("start", saga.start());
        view.put("deadline", duration(saga.deadline()));
        view.put("participants", saga.participants().stream().map(ModelView::participant).toList());
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("completed", saga.outcome() == null ? null : saga.outcome().completed());
        outcome.put("aborted", saga.outcome() == null ? null : saga.outcome().aborted());
        view.put("outcome", outcome);
        return view;
    }

    private static Map<String, Object> participant(Participant participant) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("context", participant.context());
        view.put("completed", participant.completed());
        view.put("failed", participant.failed());
        view.put("compensation", participant.compensation());
        view.put("negate", participant.negate().stream().map(JsonPath::text).toList());
        return view;
    }

    /** Query parameter or header names with their rules, e.g. {@code gameCode: game.code}. */
    private static Map<String, String> names(Map<String, IdentifierRef> rules) {
        Map<String, String> view = new LinkedHashMap<>();
        rules.forEach((name, rule) -> view.put(name, rule.toString()));
        return view;
    }

    /** JSONPaths with their rules, e.g. {@code $.game.code: game.code}. */
    private static Map<String, String> paths(Map<JsonPath, IdentifierRef> rules) {
        Map<String, String> view = new LinkedHashMap<>();
        rules.forEach((path, rule) -> view.put(path.text(), rule.toString()));
        return view;
    }

    private static String duration(Duration duration) {
        return duration == null ? null : duration.toString();
    }
}
