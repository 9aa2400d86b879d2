package dev.dragoman.gateway.route;

import dev.dragoman.gateway.filter.RequestTranslationFilter;
import dev.dragoman.gateway.filter.ResponseTranslationFilter;
import dev.dragoman.gateway.filter.RouteTranslation;
import dev.dragoman.gateway.metrics.TranslationMetrics;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.gateway.policy.RoutePolicyFilters;
import dev.dragoman.gateway.security.CallerFilter;
import dev.dragoman.gateway.security.CallerKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.StripPrefixGatewayFilterFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;

/**
 * The {@code routes:} of the served model as Spring Cloud Gateway routes. Every route's filters
 * hold the translators of the one model it was built from, so a request that matched a route
 * is translated by that model from start to end, even if a reload swaps models meanwhile; the
 * reloader refreshes the gateway's route cache after each swap.
 */
public final class ContextMapRoutes implements RouteLocator {

    /** The caller is checked before anything else happens. */
    static final int CALLER_ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 2;
    /** A response decorator must be in place before the filter that writes the upstream's answer. */
    static final int RESPONSE_ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    static final int STRIP_PREFIX_ORDER = 1;
    /** Path templates apply to the path after strip-prefix. */
    static final int REQUEST_ORDER = 2;

    /** Route metadata: the version of the model a route was built from (see the actuator's gateway routes). */
    public static final String MODEL_VERSION = "dragoman.model-version";

    private final ModelHolder models;
    private final CallerKeys keys;
    private final long maxBodySize;
    private final TranslationMetrics metrics;
    private final RoutePolicyFilters policies;

    public ContextMapRoutes(ModelHolder models, CallerKeys keys, long maxBodySize, TranslationMetrics metrics) {
        this(models, keys, maxBodySize, metrics, null);
    }

    /** @param policies the routes' policies as filters; null where none is served (a route's policies are then ignored) */
    public ContextMapRoutes(ModelHolder models, CallerKeys keys, long maxBodySize, TranslationMetrics metrics, RoutePolicyFilters policies) {
        this.models = models;
        this.keys = keys;
        this.maxBodySize = maxBodySize;
        this.metrics = metrics;
        this.policies = policies;
    }

    @Override
    public Flux<Route> getRoutes() {
        ServedModel served = models.current();
        List<Route> routes = new ArrayList<>();
        for (dev.dragoman.rules.model.Route route : served.model().routes()) {
            routes.add(route(served, route, routes.size()));
        }
        if (policies != null) {
            Set<String> ids = new HashSet<>();
            routes.forEach(r -> ids.add(r.getId()));
            policies.retainRoutes(ids);
        }
        return Flux.fromIterable(routes);
    }

    private Route route(ServedModel served, dev.dragoman.rules.model.Route route, int order) {
        RouteTranslation translation = new RouteTranslation(served.translators(),
                served.translators().route(route.id()).orElseThrow(), maxBodySize, metrics);
        PathPattern pattern = PathPatternParser.defaultInstance.parse(route.path());
        List<GatewayFilter> filters = new ArrayList<>();
        filters.add(new OrderedGatewayFilter(new CallerFilter(keys, route), CALLER_ORDER));
        // A direction without rules gets no filter: reading, rebuilding and timing a request
        // or decorating a response that nothing translates was about 3% of a plain route's
        // CPU in the profile (docs/BENCHMARKS.md, "Tuning the plain route").
        if (translation.route().response().translatesAnything()) {
            filters.add(new OrderedGatewayFilter(new ResponseTranslationFilter(translation), RESPONSE_ORDER));
        }
        if (route.stripPrefix() > 0) {
            filters.add(new OrderedGatewayFilter(
                    new StripPrefixGatewayFilterFactory().apply(config -> config.setParts(route.stripPrefix())), STRIP_PREFIX_ORDER));
        }
        if (translation.route().request().translatesAnything()) {
            filters.add(new OrderedGatewayFilter(new RequestTranslationFilter(translation), REQUEST_ORDER));
        }
        if (policies != null && route.policies().any()) {
            filters.addAll(policies.filters(route));
        }
        return Route.async()
                .id(route.id())
                .uri(served.upstreamOf(route))
                .order(order)
                .predicate(exchange -> pattern.matches(exchange.getRequest().getPath().pathWithinApplication()))
                .filters(filters)
                .metadata(MODEL_VERSION, served.version())
                .metadata(policies == null ? java.util.Map.of() : policies.metadata(route))
                .build();
    }
}
