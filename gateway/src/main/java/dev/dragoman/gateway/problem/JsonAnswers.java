package dev.dragoman.gateway.problem;

import java.net.URI;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the JSON answers of the admin API and of POST /events. They are serialised here rather than by the application's
 * codecs so that their shape (ISO-8601 instants, members in the order built, translated bodies
 * spliced in raw) does not depend on how Jackson happens to be configured.
 */
public final class JsonAnswers {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonAnswers() {
    }

    public static Mono<ServerResponse> ok(Object body) {
        return answer(HttpStatus.OK, body);
    }

    public static Mono<ServerResponse> answer(HttpStatusCode status, Object body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsBytes(body));
    }

    /** The problem as {@code application/problem+json}, in the same shape as every other error of the gateway. */
    public static Mono<ServerResponse> problem(ServerRequest request, ProblemDetail problem) {
        return problem(request, problem, headers -> { });
    }

    /** The problem, with headers of its own (a 401's {@code WWW-Authenticate}). */
    public static Mono<ServerResponse> problem(ServerRequest request, ProblemDetail problem, Consumer<HttpHeaders> headers) {
        String path = request.requestPath().value();
        problem.setInstance(URI.create(path));
        String id = ProblemWriter.identify(problem, RequestTrace.of(request.exchange()), path);
        return ServerResponse.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(headers)
                .header(ProblemWriter.REQUEST_ID_HEADER, id)
                .bodyValue(ProblemWriter.bytes(problem));
    }
}
