package dev.dragoman.gateway.filter;

import dev.dragoman.gateway.problem.ProblemWriter;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A problem the gateway answers itself from inside a route, after the response decorator is in
 * place. Response rules apply to what the upstream answered, never to Dragoman's own problem
 * documents (a rule on {@code $.title} would otherwise turn every 422 into a 502), so the
 * exchange is marked and {@link TranslatingResponse} lets the answer through untouched.
 */
final class OwnAnswers {

    static final String ATTRIBUTE = OwnAnswers.class.getName();

    private OwnAnswers() {
    }

    static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        exchange.getAttributes().put(ATTRIBUTE, Boolean.TRUE);
        return ProblemWriter.write(exchange, problem);
    }

    static boolean isOwn(Map<String, Object> attributes) {
        return attributes.containsKey(ATTRIBUTE);
    }
}
