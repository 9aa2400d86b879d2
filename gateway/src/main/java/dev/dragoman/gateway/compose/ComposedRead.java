package dev.dragoman.gateway.compose;

import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemType;
import dev.dragoman.gateway.problem.ProblemWriter;
import dev.dragoman.gateway.security.CallerKeys;
import dev.dragoman.gateway.security.KeyCheck;
import dev.dragoman.rules.model.Composition;
import java.util.Map;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The one filter of a composition's route, which answers the request itself and never passes
 * it on: the caller's key must prove the composition's context (401, 403 as on a route), the
 * method must be GET (405 with {@code Allow}), then the {@link Composer} answers.
 */
final class ComposedRead implements GatewayFilter {

    private final Composition composition;
    private final CallerKeys keys;
    private final Composer composer;

    ComposedRead(Composition composition, CallerKeys keys, Composer composer) {
        this.composition = composition;
        this.keys = keys;
        this.composer = composer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        KeyCheck caller = keys.caller(exchange.getRequest().getHeaders().getFirst(CallerKeys.HEADER), "the caller's");
        if (caller.refused()) {
            caller.challenge(exchange.getResponse().getHeaders());
            return ProblemWriter.write(exchange, caller.refusal());
        }
        Optional<String> context = caller.context();
        if (context.isPresent() && !context.get().equals(composition.context())) {
            return ProblemWriter.write(exchange, Problem.of(HttpStatus.FORBIDDEN, ProblemType.WRONG_CONTEXT, "Composition of another context",
                    "composition " + composition.id() + " serves callers of context " + composition.context() + ", and this key belongs to "
                            + context.get()));
        }
        if (!HttpMethod.GET.equals(exchange.getRequest().getMethod())) {
            exchange.getResponse().getHeaders().setAllow(java.util.Set.of(HttpMethod.GET));
            return ProblemWriter.write(exchange, Problem.of(HttpStatus.METHOD_NOT_ALLOWED, ProblemType.METHOD_NOT_ALLOWED, "Method not allowed",
                    "composition " + composition.id() + " is a read: send GET"));
        }
        Map<String, String> values = composition.match(exchange.getRequest().getPath().pathWithinApplication().value()).orElseThrow();
        return composer.compose(composition, values).flatMap(outcome -> outcome.problem() != null
                ? ProblemWriter.write(exchange, outcome.problem())
                : write(exchange.getResponse(), outcome.answer()));
    }

    private static Mono<Void> write(ServerHttpResponse response, ComposedAnswer answer) {
        response.setStatusCode(HttpStatus.OK);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setContentLength(answer.json().length);
        if (answer.gapsHeader() != null) {
            headers.set(ComposedAnswer.GAPS_HEADER, answer.gapsHeader());
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.json())));
    }

    @Override
    public String toString() {
        return "ComposedRead[composition=" + composition.id() + ", for=" + composition.context() + ", parts="
                + composition.parts().stream().map(p -> p.name() + (p.required() ? "" : "?") + "<-" + p.route()).toList() + "]";
    }
}
