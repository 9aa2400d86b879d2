package dev.dragoman.gateway.compose;

import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.gateway.route.ContextMapRoutes;
import dev.dragoman.gateway.security.CallerKeys;
import dev.dragoman.rules.model.Composition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * The {@code compositions:} of the served model as Spring Cloud Gateway routes, ordered before
 * the maps' routes so that a composition's path wins over a route whose pattern also matches it.
 *
 * <p>Routes rather than a WebFlux handler of their own: the reloader already refreshes the
 * gateway's routes after every swap, so a composition comes and goes with the model it belongs
 * to, and a request is answered from start to end by the one model its route was built from,
 * as on every route; the actuator's route listing shows them beside the maps' routes. The
 * route's URI is never used: its one filter answers and does not pass the request on.
 */
public final class CompositionRoutes implements RouteLocator {

    /** Before every route of the maps (their orders count up from 0). */
    static final int ORDER = -1_000_000;
    /** Before anything that would forward the request. */
    static final int FILTER_ORDER = 0;
    /** The prefix of a composition's route id, which shares the gateway's namespace with the maps' route ids. */
    public static final String ID_PREFIX = "composition:";

    private final ModelHolder models;
    private final CallerKeys keys;
    private final WebClient client;
    private final long maxBodySize;
    private final Duration defaultTimeout;

    /**
     * @param client built on the gateway's own Reactor Netty client, so parts share its pool and connect timeout
     * @param defaultTimeout a part's timeout when it declares none: the gateway's upstream response timeout
     */
    public CompositionRoutes(ModelHolder models, CallerKeys keys, WebClient client, long maxBodySize, Duration defaultTimeout) {
        this.models = models;
        this.keys = keys;
        this.client = client;
        this.maxBodySize = maxBodySize;
        this.defaultTimeout = defaultTimeout;
    }

    @Override
    public Flux<Route> getRoutes() {
        ServedModel served = models.current();
        Composer composer = new Composer(served, client, maxBodySize, defaultTimeout);
        List<Route> routes = new ArrayList<>();
        for (Composition composition : served.model().compositions()) {
            routes.add(Route.async()
                    .id(ID_PREFIX + composition.id())
                    .uri("no://op")
                    .order(ORDER + routes.size())
                    .predicate(exchange -> composition.match(exchange.getRequest().getPath().pathWithinApplication().value()).isPresent())
                    .filters(List.of(new OrderedGatewayFilter(new ComposedRead(composition, keys, composer), FILTER_ORDER)))
                    .metadata(ContextMapRoutes.MODEL_VERSION, served.version())
                    .build());
        }
        return Flux.fromIterable(routes);
    }
}
