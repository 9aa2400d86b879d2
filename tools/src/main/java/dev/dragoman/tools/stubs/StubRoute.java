package dev.dragoman.tools.stubs;

import dev.dragoman.rules.DirectionTranslator;
import dev.dragoman.rules.RouteTranslator;
import dev.dragoman.rules.Translators;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.rules.model.IdentifierRef;
import dev.dragoman.rules.model.PathTemplate;
import dev.dragoman.rules.model.RequestRules;
import dev.dragoman.rules.model.ResponseRules;
import dev.dragoman.rules.model.Route;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The route whose rules translate a stub directory from one context's vocabulary into another's, and the two
 * directions a stub needs: {@code request} for what the stub matches, {@code response} for what it answers.
 *
 * <p>A provider's stub matches what the provider receives, so its request side is translated by the route's request
 * rules run backwards (callee to caller) and its response by the route's response rules (callee to caller). A
 * consumer's stub is the mirror. The engine compiles one direction per route, so the backwards one is compiled from the
 * same route with caller and callee swapped and every rule {@link IdentifierRef#reversed() reversed}: the same tables,
 * templates and paths, read the other way.
 *
 * @param reading whether the stubs mock the route's callee (the provider) or are the caller's expectations of it
 * @param stubsContext the vocabulary the stubs are written in
 * @param targetContext the vocabulary they are translated into
 */
public record StubRoute(Route route, Reading reading, String stubsContext, String targetContext,
        DirectionTranslator request, DirectionTranslator response) {

    /** Who the stubs belong to on the route. */
    public enum Reading {
        /** The stubs are the callee's own API: translated into the caller's vocabulary. */
        PROVIDER_TO_CONSUMER("the provider's stubs, into the consumer's vocabulary"),
        /** The stubs are what the caller expects of the callee: translated into the callee's vocabulary. */
        CONSUMER_TO_PROVIDER("the consumer's expectations, into the provider's vocabulary");

        private final String description;

        Reading(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * The route between {@code from} (the stubs' vocabulary) and {@code to}. With {@code routeId} null, a route whose
     * callee is {@code from} wins (the stubs are that department's own API), else one whose caller is {@code from}.
     *
     * @throws IllegalArgumentException when no route (or more than one of a kind) joins the two contexts, or the named
     *     route does not join them
     */
    public static StubRoute choose(ContextModel model, String from, String to, String routeId) {
        Route route;
        if (routeId != null) {
            route = model.route(routeId).orElseThrow(() -> new IllegalArgumentException("no route '" + routeId
                    + "' in the maps; the routes are " + model.routes().stream().map(Route::id).collect(Collectors.joining(", "))));
            boolean joins = route.from().equals(to) && route.to().equals(from) || route.from().equals(from) && route.to().equals(to);
            if (!joins) {
                throw new IllegalArgumentException("route " + routeId + " goes from " + route.from() + " to " + route.to()
                        + ", not between " + from + " and " + to);
            }
        } else {
            List<Route> provider = model.routes().stream().filter(r -> r.from().equals(to) && r.to().equals(from)).toList();
            List<Route> consumer = model.routes().stream().filter(r -> r.from().equals(from) && r.to().equals(to)).toList();
            List<Route> chosen = !provider.isEmpty() ? provider : consumer;
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("no route joins " + from + " and " + to + " in the maps");
            }
            if (chosen.size() > 1) {
                throw new IllegalArgumentException("routes " + chosen.stream().map(Route::id).collect(Collectors.joining(", "))
                        + " all join " + from + " and " + to + ": name one with --route");
            }
            route = chosen.get(0);
        }
        Reading reading = route.to().equals(from) ? Reading.PROVIDER_TO_CONSUMER : Reading.CONSUMER_TO_PROVIDER;
        RouteTranslator forward = Translators.compile(model).route(route.id()).orElseThrow();
        Route reversed = reversed(route);
        RouteTranslator backward = Translators.compile(new ContextModel(model.contexts(), model.concepts(), List.of(reversed),
                List.of(), List.of())).route(reversed.id()).orElseThrow();
        return reading == Reading.PROVIDER_TO_CONSUMER
                ? new StubRoute(route, reading, from, to, backward.request(), forward.response())
                : new StubRoute(route, reading, from, to, forward.request(), backward.response());
    }

    /** The route read the other way: callee to caller for requests, caller to callee for responses. */
    static Route reversed(Route route) {
        RequestRules request = route.request();
        List<PathTemplate> templates = request.pathTemplates().stream().map(StubRoute::reversed).toList();
        return new Route(route.id() + " (reversed)", route.to(), route.from(), route.path(), route.stripPrefix(), route.upstream(),
                route.onUnknown(),
                new RequestRules(templates, reversed(request.query()), reversed(request.headers()), reversed(request.body())),
                new ResponseRules(reversed(route.response().headers()), reversed(route.response().body())));
    }

    private static PathTemplate reversed(PathTemplate template) {
        return new PathTemplate(template.text(), template.segments().stream()
                .map(s -> s instanceof PathTemplate.Identifier id ? new PathTemplate.Identifier(id.ref().reversed()) : s)
                .toList());
    }

    private static <K> Map<K, IdentifierRef> reversed(Map<K, IdentifierRef> rules) {
        Map<K, IdentifierRef> reversed = new LinkedHashMap<>();
        rules.forEach((key, ref) -> reversed.put(key, ref.reversed()));
        return reversed;
    }

    /** The route as the report names it: {@code web-support-to-game-dept (the provider's stubs, ...)}. */
    public String describe() {
        return "route " + route.id() + " (" + reading.description() + ")";
    }
}
