package dev.dragoman.gateway.problem;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link ProblemDetail} as {@code application/problem+json}. The members are laid out
 * by hand (RFC 9457's own first, then the extensions) so that the wire form does not depend on
 * which Jackson mix-ins happen to be registered.
 */
public final class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemWriter() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        return write(exchange.getResponse(), originalPath(exchange), problem);
    }

    /** The path as the caller sent it, before strip-prefix and translation changed it. */
    public static String originalPath(ServerWebExchange exchange) {
        Set<URI> originals = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        return originals == null || originals.isEmpty()
                ? exchange.getRequest().getURI().getRawPath() : originals.iterator().next().getRawPath();
    }

    /** Writes to {@code response} itself, for a decorator that must answer through the response it wraps. */
    public static Mono<Void> write(ServerHttpResponse response, String path, ProblemDetail problem) {
        if (response.isCommitted()) {
            return Mono.error(new IllegalStateException("cannot answer " + problem.getStatus() + " " + problem.getDetail()
                    + ": the response is already committed"));
        }
        problem.setInstance(URI.create(path));
        byte[] body = bytes(problem);
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        HttpHeaders headers = response.getHeaders();
        headers.clearContentHeaders();
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    public static byte[] bytes(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().getPath());
        }
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return JSON.writeValueAsString(members).getBytes(StandardCharsets.UTF_8);
    }
}
