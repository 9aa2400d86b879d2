package dev.dragoman.gateway.problem;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 *
 * <p>Every problem carries its request's id ({@code requestId} and {@code X-Request-Id}), is
 * logged in one line with what the caller was not told, and is kept for the admin API
 * ({@link RecentProblems}). A caller's mistake (4xx) is logged at DEBUG, the gateway's or an
 * upstream's trouble (5xx) at WARN; a fault of Dragoman's own is logged at ERROR where it is
 * caught ({@link GatewayErrorHandler}).
 */
public final class ProblemWriter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final Logger log = LoggerFactory.getLogger(ProblemWriter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemWriter() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        RequestTrace trace = RequestTrace.of(exchange);
        String path = originalPath(exchange);
        return trace != null ? write(exchange.getResponse(), path, problem, trace) : write(exchange.getResponse(), path, problem);
    }

    /** The path as the caller sent it, before strip-prefix and translation changed it. */
    public static String originalPath(ServerWebExchange exchange) {
        Set<URI> originals = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        return originals == null || originals.isEmpty()
                ? exchange.getRequest().getURI().getRawPath() : originals.iterator().next().getRawPath();
    }

    /**
     * Writes to {@code response} itself, for a decorator that must answer through the response it
     * wraps; the request's trace comes from the Reactor context ({@link RequestIdFilter}).
     */
    public static Mono<Void> write(ServerHttpResponse response, String path, ProblemDetail problem) {
        return Mono.deferContextual(context -> write(response, path, problem, context.<RequestTrace>getOrDefault(RequestTrace.ATTRIBUTE, null)));
    }

    private static Mono<Void> write(ServerHttpResponse response, String path, ProblemDetail problem, RequestTrace trace) {
        if (response.isCommitted()) {
            return Mono.error(new IllegalStateException("cannot answer " + problem.getStatus() + " " + problem.getDetail()
                    + ": the response is already committed"));
        }
        problem.setInstance(URI.create(path));
        String id = identify(problem, trace, path);
        byte[] body = bytes(problem);
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        HttpHeaders headers = response.getHeaders();
        headers.clearContentHeaders();
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(body.length);
        headers.set(REQUEST_ID_HEADER, id);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    /**
     * Gives the problem its request id, logs it and keeps it for the admin API; returns the id.
     * For answers written by other means ({@link JsonAnswers}).
     */
    static String identify(ProblemDetail problem, RequestTrace trace, String path) {
        String id = trace != null ? trace.id() : RequestTrace.newId();
        problem.setProperty("requestId", id);
        if (trace != null) {
            trace.problems().keep(trace, path, problem);
        }
        if (problem.getStatus() >= 500 ? log.isWarnEnabled() : log.isDebugEnabled()) {
            String line = "Answered " + problem.getStatus() + " " + typeName(problem) + " to " + (trace == null ? "?" : trace.method())
                    + " " + path + " [request " + id + "]: " + RecentProblems.record(id, trace == null ? null : trace.method(), path,
                            problem, null);
            if (problem.getStatus() >= 500) {
                log.warn(line);
            } else {
                log.debug(line);
            }
        }
        return id;
    }

    private static String typeName(ProblemDetail problem) {
        String type = String.valueOf(problem.getType());
        return type.substring(type.lastIndexOf('/') + 1);
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
