package dev.dragoman.gateway.filter;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A header that a caller sends under several spellings ({@code X-Game} and {@code x-game}) is one
 * header with all its lines. The server's read-only view of Netty's headers visits such a header
 * once per spelling, each time with every line, and Spring's copy of a request
 * ({@code request.mutate()}, which strip-prefix and the translation filters use) adds each visit,
 * so every line would reach the upstream twice. Such a request is given headers that hold each
 * name once, before anything copies them; a request without one (nearly all) goes on as it is,
 * told apart by comparing two counts.
 */
public final class HeaderSpellingsFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (headers.size() == headers.headerNames().size()) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(withHeaders(exchange.getRequest(), merged(headers))).build());
    }

    /** Each name once, with every line: {@code put}, since every visit of a name brings all its lines. */
    static HttpHeaders merged(HttpHeaders headers) {
        HttpHeaders merged = new HttpHeaders();
        headers.forEach(merged::put);
        return HttpHeaders.readOnlyHttpHeaders(merged);
    }

    private static ServerHttpRequest withHeaders(ServerHttpRequest request, HttpHeaders headers) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }
}
