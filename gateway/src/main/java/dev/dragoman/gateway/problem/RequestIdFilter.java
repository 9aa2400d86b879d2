package dev.dragoman.gateway.problem;

import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id, before anything can answer it with a problem. The id is made here,
 * never taken from the caller: it keys the admin API's store, which a caller must not be able to
 * overwrite or collide with.
 */
public final class RequestIdFilter implements WebFilter, Ordered {

    private final RecentProblems problems;

    public RequestIdFilter(RecentProblems problems) {
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RequestTrace trace = new RequestTrace(RequestTrace.newId(), exchange.getRequest().getMethod().name(), problems);
        exchange.getAttributes().put(RequestTrace.ATTRIBUTE, trace);
        return chain.filter(exchange).contextWrite(context -> context.put(RequestTrace.ATTRIBUTE, trace));
    }
}
