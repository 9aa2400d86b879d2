package dev.dragoman.gateway.security;

import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemType;
import dev.dragoman.gateway.problem.ProblemWriter;
import dev.dragoman.rules.model.Route;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * SPEC section 3 for one route: the caller's {@code X-Api-Key} must prove the route's
 * {@code from} context (401 without a valid key, 403 for another context's route); the key
 * never travels on to the callee ({@link CallerKeyHeadersFilter}).
 */
public final class CallerFilter implements GatewayFilter {

    public static final String API_KEY = CallerKeys.HEADER;

    private final CallerKeys keys;
    private final Route route;

    public CallerFilter(CallerKeys keys, Route route) {
        this.keys = keys;
        this.route = route;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        KeyCheck caller = keys.caller(exchange.getRequest().getHeaders().getFirst(API_KEY), "the caller's");
        if (caller.refused()) {
            caller.challenge(exchange.getResponse().getHeaders());
            return ProblemWriter.write(exchange, caller.refusal());
        }
        Optional<String> context = caller.context();
        if (context.isPresent() && !context.get().equals(route.from())) {
            return ProblemWriter.write(exchange, Problem.of(HttpStatus.FORBIDDEN, ProblemType.WRONG_CONTEXT, "Route of another context",
                    "route " + route.id() + " serves callers of context " + route.from() + ", and this key belongs to "
                            + context.get()));
        }
        // the key itself is dropped from the forwarded headers by CallerKeyHeadersFilter
        return chain.filter(exchange);
    }

    @Override
    public String toString() {
        return "CallerFilter[from=" + route.from() + "]";
    }
}
