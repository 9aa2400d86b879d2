package dev.dragoman.gateway.policy;

import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemType;
import dev.dragoman.rules.model.Route;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code methods}: a method the route does not serve is answered 405 with {@code Allow}
 * (RFC 9110 section 15.5.6) and never reaches the upstream. A filter of the route rather than a
 * method predicate: a predicate would make the request match no route and be answered 404, which
 * tells the caller the wrong thing.
 */
final class MethodsFilter implements GatewayFilter {

    private final String routeId;
    private final List<String> methods;
    private final String allow;

    MethodsFilter(Route route) {
        this.routeId = route.id();
        this.methods = route.policies().methods();
        this.allow = String.join(", ", methods);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String method = exchange.getRequest().getMethod().name();
        if (methods.contains(method)) {
            return chain.filter(exchange);
        }
        ProblemDetail problem = Problem.of(HttpStatus.METHOD_NOT_ALLOWED, ProblemType.METHOD_NOT_ALLOWED, "Method not allowed",
                "route " + routeId + " serves " + allow + ", not " + method);
        problem.setProperty("route", routeId);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ALLOW, allow);
        return Mono.error(new PolicyRefusal(problem, headers));
    }

    @Override
    public String toString() {
        return "MethodsFilter[" + allow + "]";
    }
}
