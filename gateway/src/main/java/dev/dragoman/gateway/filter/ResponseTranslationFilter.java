package dev.dragoman.gateway.filter;

import dev.dragoman.gateway.problem.ProblemWriter;
import dev.dragoman.rules.RouteTranslator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Translates the callee's answer back into the caller's vocabulary (see {@link TranslatingResponse}).
 * Runs before Spring Cloud Gateway's {@code NettyWriteResponseFilter}, as a response decorator
 * must, and offers upstream only the content codings that both it can decode and the caller accepts.
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
        var response = new TranslatingResponse(exchange.getResponse(), ProblemWriter.originalPath(exchange), exchange.getAttributes(),
                exchange.getRequest().getMethod(), translation);
        var exchangeBuilder = exchange.mutate().response(response);
        if (route.response().translatesBody()) {
            String offered = offered(exchange.getRequest().getHeaders().get(HttpHeaders.ACCEPT_ENCODING));
            exchangeBuilder.request(r -> r.headers(h -> h.set(HttpHeaders.ACCEPT_ENCODING, offered)));
        }
        return chain.filter(exchangeBuilder.build());
    }

    /**
     * What to offer upstream: the codings the gateway decodes, less those the caller refused (a
     * non-JSON body is passed on still encoded, so the caller must accept its coding); identity
     * when none is left. No {@code Accept-Encoding} at all would let the upstream pick any
     * coding (RFC 9110 section 12.5.3), a {@code br} one included.
     */
    static String offered(List<String> callerOffers) {
        if (callerOffers == null || callerOffers.isEmpty()) {
            return "identity";
        }
        Set<String> accepted = new LinkedHashSet<>();
        for (String line : callerOffers) {
            for (String offer : line.split(",")) {
                String[] parts = offer.split(";");
                String coding = parts[0].strip().toLowerCase(Locale.ROOT);
                boolean refused = false;
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace(" ", "");
                    refused |= parameter.matches("q=0(\\.0*)?");
                }
                if (refused) {
                    continue;
                }
                switch (coding) {
                    case "*" -> {
                        accepted.add("gzip");
                        accepted.add("deflate");
                    }
                    case "gzip", "x-gzip" -> accepted.add("gzip");
                    case "deflate" -> accepted.add("deflate");
                    default -> { }
                }
            }
        }
        return accepted.isEmpty() ? "identity" : String.join(", ", accepted);
    }

    @Override
    public String toString() {
        return "ResponseTranslationFilter[route=" + route.route().id() + ", headers=" + route.response().translatesHeaders()
                + ", body=" + route.response().translatesBody() + "]";
    }
}
