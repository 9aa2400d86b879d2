package dev.dragoman.gateway.admin.console;

import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.gateway.reload.ReloadStatus;
import dev.dragoman.gateway.reload.Reloader;
import dev.dragoman.rules.SourcePlaces;
import dev.dragoman.rules.model.BoundedContext;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.rules.model.Delivery;
import dev.dragoman.rules.model.EventRoute;
import dev.dragoman.rules.model.Route;
import dev.dragoman.rules.model.Saga;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The Map tab: the served model as a diagram with its concepts and sagas beside it, the last
 * refused reload, and the declarations behind a node or an edge.
 */
final class MapHandlers {

    private final ModelHolder models;
    private final Reloader reloader;
    private final Places places;

    MapHandlers(ModelHolder models, Reloader reloader) {
        this.models = models;
        this.reloader = reloader;
        this.places = new Places(models);
    }

    /**
     * {@code GET /admin/console/map}: the tab. The page asks again every few seconds with the
     * {@code shown} stamp it holds; while neither the model nor the last reload changed, the answer
     * is an empty 204, which htmx leaves alone, so polling costs a string comparison.
     */
    Mono<ServerResponse> map(ServerRequest request) {
        ServedModel served = models.current();
        ReloadStatus status = reloader.status();
        String stamp = served.version() + "/" + status.at();
        if (request.queryParam("shown").filter(stamp::equals).isPresent()) {
            return ServerResponse.noContent().build();
        }
        return placesOf(served)
                .map(at -> MapView.of(served, status, at, models.directory(), stamp))
                .flatMap(view -> ServerResponse.ok().render("console/map", Map.of("map", view)));
    }

    /** {@code GET /admin/console/map/context?name=}: a context and everything that names it. */
    Mono<ServerResponse> context(ServerRequest request) {
        ServedModel served = models.current();
        ContextModel model = served.model();
        String name = request.queryParam("name").orElse("");
        BoundedContext context = model.contexts().get(name);
        if (context == null) {
            return notInModel(served, "context '" + name + "'");
        }
        return placesOf(served).flatMap(at -> details("Context " + name, contextDeclarations(served, name, at)));
    }

    private static List<Declaration> contextDeclarations(ServedModel served, String name, SourcePlaces at) {
        ContextModel model = served.model();
        BoundedContext context = model.contexts().get(name);
        List<Declaration> declarations = new ArrayList<>();
        List<String> facts = new ArrayList<>();
        facts.add("description: " + Optional.ofNullable(context.description()).orElse(""));
        if (context.inbox() != null) {
            facts.add("inbox: " + served.inboxOf(name));
        }
        declarations.add(new Declaration("context " + name, Places.shown(at.context(name)), facts));
        model.routes().stream().filter(route -> route.from().equals(name) || route.to().equals(name))
                .forEach(route -> declarations.add(route(served, at, route)));
        for (EventRoute event : model.events()) {
            if (event.from().equals(name)) {
                declarations.add(event(at, event));
            }
            event.deliver().stream().filter(delivery -> delivery.to().equals(name))
                    .forEach(delivery -> declarations.add(delivery(served, at, event, delivery)));
        }
        model.sagas().stream()
                .filter(saga -> saga.participants().stream().anyMatch(p -> p.context().equals(name))
                        || model.events().stream().anyMatch(e -> e.type().equals(saga.start()) && e.from().equals(name)))
                .forEach(saga -> declarations.add(saga(at, saga)));
        return declarations;
    }

    /** {@code GET /admin/console/map/route?id=}: one route. */
    Mono<ServerResponse> route(ServerRequest request) {
        ServedModel served = models.current();
        String id = request.queryParam("id").orElse("");
        return served.model().route(id)
                .map(route -> placesOf(served).flatMap(at -> details("Route " + id, List.of(route(served, at, route)))))
                .orElseGet(() -> notInModel(served, "route '" + id + "'"));
    }

    /** {@code GET /admin/console/map/delivery?type=&from=&to=}: an event and its delivery to one context. */
    Mono<ServerResponse> delivery(ServerRequest request) {
        ServedModel served = models.current();
        String type = request.queryParam("type").orElse("");
        String from = request.queryParam("from").orElse("");
        String to = request.queryParam("to").orElse("");
        Optional<EventRoute> event = served.model().event(type, from);
        Optional<Delivery> delivery = event.flatMap(e -> e.deliver().stream().filter(d -> d.to().equals(to)).findFirst());
        if (delivery.isEmpty()) {
            return notInModel(served, "delivery of " + type + " from " + from + " to " + to);
        }
        return placesOf(served).flatMap(at -> details("Event " + type + " from " + from + " to " + to,
                List.of(delivery(served, at, event.get(), delivery.get()), event(at, event.get()))));
    }

    /** The places of this model version; reading them touches the files, so never on the event loop. */
    private Mono<SourcePlaces> placesOf(ServedModel served) {
        return Mono.fromCallable(() -> places.of(served)).subscribeOn(Schedulers.boundedElastic());
    }

    private static Declaration route(ServedModel served, SourcePlaces at, Route route) {
        List<String> facts = new ArrayList<>();
        facts.add("from: " + route.from() + ", to: " + route.to());
        facts.add("path: " + route.path() + (route.stripPrefix() > 0 ? ", strip-prefix: " + route.stripPrefix() : ""));
        facts.add("upstream: " + served.upstreamOf(route));
        facts.add("on-unknown: " + route.onUnknown().name().toLowerCase());
        route.request().pathTemplates().forEach(template -> facts.add("request path-template: " + template.text()));
        route.request().query().forEach((name, rule) -> facts.add("request query " + name + ": " + rule));
        route.request().headers().forEach((name, rule) -> facts.add("request header " + name + ": " + rule));
        route.request().body().forEach((path, rule) -> facts.add("request body " + path.text() + ": " + rule));
        route.response().headers().forEach((name, rule) -> facts.add("response header " + name + ": " + rule));
        route.response().body().forEach((path, rule) -> facts.add("response body " + path.text() + ": " + rule));
        return new Declaration("route " + route.id(), Places.shown(at.route(route.id())), facts);
    }

    private static Declaration event(SourcePlaces at, EventRoute event) {
        List<String> facts = new ArrayList<>();
        if (event.deadline() != null) {
            facts.add("deadline: " + event.deadline());
        }
        facts.add("deliver to: " + String.join(", ", event.deliver().stream().map(Delivery::to).toList()));
        return new Declaration("event " + event.type() + " from " + event.from(), Places.shown(at.event(event.type(), event.from())),
                facts);
    }

    private static Declaration delivery(ServedModel served, SourcePlaces at, EventRoute event, Delivery delivery) {
        List<String> facts = new ArrayList<>();
        facts.add("endpoint: " + served.endpointOf(event, delivery.to()));
        if (delivery.data().isEmpty()) {
            facts.add("data: delivered as published");
        }
        delivery.data().forEach((path, rule) -> facts.add("data " + path.text() + ": " + rule));
        return new Declaration(event.type() + " from " + event.from() + " delivered to " + delivery.to(),
                Places.shown(at.delivery(event.type(), event.from(), delivery.to())), facts);
    }

    private static Declaration saga(SourcePlaces at, Saga saga) {
        List<String> facts = new ArrayList<>();
        facts.add("start: " + saga.start() + (saga.deadline() == null ? "" : ", deadline: " + saga.deadline()));
        saga.participants().forEach(p -> facts.add("participant " + p.context() + ": completed " + p.completed() + ", failed "
                + p.failed() + ", compensation " + p.compensation()));
        if (saga.outcome() != null) {
            facts.add("outcome: completed " + saga.outcome().completed() + ", aborted " + saga.outcome().aborted());
        }
        return new Declaration("saga " + saga.name(), Places.shown(at.saga(saga.name())), facts);
    }

    private static Mono<ServerResponse> details(String title, List<Declaration> declarations) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", title);
        model.put("declarations", declarations);
        return ServerResponse.ok().render("console/declarations", model);
    }

    /** A click on a diagram drawn from an older model: say so rather than show nothing. */
    private static Mono<ServerResponse> notInModel(ServedModel served, String what) {
        return ServerResponse.ok().render("console/declarations",
                Map.of("title", "Not in the served model", "declarations", List.of(),
                        "missing", "model version " + served.version() + " has no " + what + "; the map redraws in a moment"));
    }
}
