package dev.dragoman.gateway.filter;

import dev.dragoman.gateway.problem.ProblemWriter;
import dev.dragoman.rules.RouteTranslator;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Translates the callee's answer back into the caller's vocabulary (see {@link TranslatingResponse}).
 * Runs before Spring Cloud Gateway's {@code NettyWriteResponseFilter}, as a response decorator
 * must, and offers upstream only the content codings it can decode.
 */
public final class ResponseTranslationFilter implements GatewayFilter {

    private final RouteTranslation translation;
    private final RouteTranslator route;

    public ResponseTranslationFilter(RouteTranslation translation) {
        this.translation = translation;
        this.route = translation.route();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        var response = new TranslatingResponse(exchange.getResponse(), ProblemWriter.originalPath(exchange), translation);
        var exchangeBuilder = exchange.mutate().response(response);
        String offered = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_ENCODING);
        if (route.response().translatesBody() && offered != null) {
            exchangeBuilder.request(r -> r.headers(h -> h.set(HttpHeaders.ACCEPT_ENCODING, ContentCodings.DECODABLE)));
        }
        return chain.filter(exchangeBuilder.build());
    }

    @Override
    public String toString() {
        return "ResponseTranslationFilter[route=" + route.route().id() + ", headers=" + route.response().translatesHeaders()
                + ", body=" + route.response().translatesBody() + "]";
    }
}
