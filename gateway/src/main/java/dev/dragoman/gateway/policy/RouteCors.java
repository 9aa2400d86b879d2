package dev.dragoman.gateway.policy;

import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemType;
import dev.dragoman.gateway.problem.ProblemWriter;
import dev.dragoman.rules.model.Route;
import dev.dragoman.rules.model.RoutePolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * {@code cors}: Spring's own {@link DefaultCorsProcessor} with each route's configuration, as
 * Spring's {@code CorsWebFilter} does, in front of the routes. A WebFilter, because a browser's
 * preflight carries no API key and Spring Cloud Gateway's handler mapping answers every preflight
 * itself before a route's filters run; and not Spring Cloud Gateway's per-route {@code cors}
 * metadata, which keys configurations by a route's {@code Path} predicate (the maps' routes match
 * by a pattern of their own, first route first) and is refreshed asynchronously after a reload.
 *
 * <p>The route is the first whose path matches, as the routes themselves match. A refused CORS
 * request (origin, method or headers not allowed) is a 403 {@code cors-refused} problem; an allowed
 * preflight is a 204 with the {@code Access-Control-*} headers. On an allowed request the
 * gateway's {@code Access-Control-*} headers replace any the upstream sent, so a browser never
 * sees two.
 */
public final class RouteCors implements WebFilter, Ordered {

    /** Right after the request id is given, so that a refusal carries one. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private static final List<String> DEFAULT_HEADERS = List.of("X-Api-Key", "Content-Type");
    private static final List<String> DEFAULT_EXPOSED = List.of("X-Request-Id", "Retry-After");
    private static final List<String> DEFAULT_METHODS = List.of("GET", "HEAD", "POST");

    private final ModelHolder models;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();
    private volatile Index index;

    public RouteCors(ModelHolder models) {
        this.models = models;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!request.getHeaders().containsHeader(HttpHeaders.ORIGIN)) {
            return chain.filter(exchange);
        }
        Entry entry = index().match(request.getPath().pathWithinApplication());
        if (entry == null || entry.config() == null) {
            return chain.filter(exchange);
        }
        if (!processor.process(entry.config(), exchange)) {
            return ProblemWriter.write(exchange, refused(entry, request));
        }
        if (CorsUtils.isPreFlightRequest(request)) {
            exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
            return exchange.getResponse().setComplete();
        }
        if (CorsUtils.isCorsRequest(request)) {
            keepOwnHeaders(exchange.getResponse());
        }
        return chain.filter(exchange);
    }

    /** The upstream's {@code Access-Control-*} headers would add to the gateway's, and two of a kind fail in a browser. */
    private static void keepOwnHeaders(ServerHttpResponse response) {
        HttpHeaders own = new HttpHeaders();
        response.getHeaders().forEach((name, values) -> {
            if (isCorsHeader(name)) {
                own.put(name, List.copyOf(values));
            }
        });
        response.beforeCommit(() -> {
            List<String> names = new ArrayList<>();
            response.getHeaders().forEach((name, values) -> {
                if (isCorsHeader(name)) {
                    names.add(name);
                }
            });
            names.forEach(response.getHeaders()::remove);
            response.getHeaders().addAll(own);
            return Mono.empty();
        });
    }

    private static boolean isCorsHeader(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith("access-control-");
    }

    private static ProblemDetail refused(Entry entry, ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        String asked = CorsUtils.isPreFlightRequest(request)
                ? " for " + headers.getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)
                        + (headers.containsHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS)
                                ? " with headers " + headers.getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS) : "")
                : "";
        CorsConfiguration config = entry.config();
        ProblemDetail problem = Problem.of(HttpStatus.FORBIDDEN, ProblemType.CORS_REFUSED, "CORS request refused",
                "route " + entry.routeId() + " does not allow pages of origin " + headers.getFirst(HttpHeaders.ORIGIN) + asked
                        + "; its cors allows origins " + config.getAllowedOriginPatterns() + ", methods " + config.getAllowedMethods()
                        + " and headers " + config.getAllowedHeaders());
        problem.setProperty("route", entry.routeId());
        return problem;
    }

    private Index index() {
        ServedModel served = models.current();
        Index current = index;
        if (current == null || current.version() != served.version()) {
            current = Index.of(served);
            index = current;
        }
        return current;
    }

    /** A route's configuration, as Spring's processor reads it. */
    static CorsConfiguration configuration(Route route) {
        RoutePolicies.Cors cors = route.policies().cors();
        if (cors == null) {
            return null;
        }
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOriginPatterns(cors.origins());
        List<String> methods = !cors.methods().isEmpty() ? cors.methods()
                : !route.policies().methods().isEmpty() ? route.policies().methods() : DEFAULT_METHODS;
        config.setAllowedMethods(methods);
        config.setAllowedHeaders(cors.headers().isEmpty() ? DEFAULT_HEADERS : cors.headers());
        config.setExposedHeaders(cors.exposeHeaders().isEmpty() ? DEFAULT_EXPOSED : cors.exposeHeaders());
        config.setMaxAge(cors.maxAge());
        // A caller proves its context with X-Api-Key, never with cookies: no credentials mode.
        config.setAllowCredentials(false);
        return config;
    }

    private record Entry(String routeId, PathPattern pattern, CorsConfiguration config) {
    }

    /** Every route of one served model in order (those without cors too: the first match decides). */
    private record Index(long version, List<Entry> entries) {
        static Index of(ServedModel served) {
            List<Entry> entries = new ArrayList<>();
            for (Route route : served.model().routes()) {
                entries.add(new Entry(route.id(), PathPatternParser.defaultInstance.parse(route.path()), configuration(route)));
            }
            return new Index(served.version(), List.copyOf(entries));
        }

        Entry match(org.springframework.http.server.PathContainer path) {
            for (Entry entry : entries) {
                if (entry.pattern().matches(path)) {
                    return entry;
                }
            }
            return null;
        }
    }
}
