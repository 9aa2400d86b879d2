package dev.dragoman.gateway.problem;

import io.netty.channel.ChannelException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.CodecException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.channel.AbortedException;

/**
 * Every error that escapes a route as a problem+json answer (SPEC section 2). Whatever goes wrong
 * with an upstream's connection once the request is routed (refused, reset, closed before the
 * answer, an answer that is not HTTP, a failed TLS handshake) is a 502, an upstream too slow
 * (connect or response timeout) a 504, a path no route serves a 404. The caller is told the
 * route, never the upstream's address or the cause: those go to the log and the admin API,
 * joined by the request id. Only a fault of the gateway's own is a 500 and a stack trace at ERROR.
 * Runs before Spring Boot's own handler, which would answer in its own shape.
 */
public final class GatewayErrorHandler implements ErrorWebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    @Override
    public int getOrder() {
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return afterCommit(exchange, error);
        }
        if (error instanceof ErrorResponseException answer && !(error instanceof ResponseStatusException)) {
            // its own headers too: a resolver's Retry-After tells the caller when to come back
            exchange.getResponse().getHeaders().addAll(answer.getHeaders());
        }
        return ProblemWriter.write(exchange, problemFor(exchange, error));
    }

    private static ProblemDetail problemFor(ServerWebExchange exchange, Throwable error) {
        if (has(error, ConnectTimeoutException.class) || has(error, TimeoutException.class) || has(error, ReadTimeoutException.class)) {
            return upstreamTimeout(exchange, error);
        }
        if (error instanceof ResponseStatusException status) {
            return byStatus(exchange, status.getStatusCode(), status);
        }
        if (error instanceof ErrorResponseException answer) {
            // a problem that a part of the gateway wrote for this request (a resolver that is
            // down, say), answered as it is; asked after ResponseStatusException, which is one too
            return answer.getBody();
        }
        if (has(error, DataBufferLimitException.class)) {
            return Problem.of(HttpStatus.CONTENT_TOO_LARGE, ProblemType.BODY_TOO_LARGE, "Body too large", error.getMessage());
        }
        if (has(error, InvalidMediaTypeException.class) || has(error, InvalidMimeTypeException.class)) {
            // a header that the gateway had to read to route or translate, and cannot: the caller's mistake
            return Problem.of(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_HEADER, "Malformed header",
                    "a media type header of the request does not parse: " + cause(error, InvalidMediaTypeException.class).getMessage()
                            + "; send a valid media type (RFC 9110 section 8.3.1), such as application/json;charset=utf-8");
        }
        if (routed(exchange) && upstreamConnectionFailure(error)) {
            return upstreamUnavailable(exchange, error);
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(error)) {
            // nobody is left to read the answer; the line says why the request ended
            log.debug("The caller of {} {} went away [request {}]: {}", exchange.getRequest().getMethod(), ProblemWriter.originalPath(exchange),
                    requestId(exchange), error.toString());
            return Problem.of(HttpStatus.BAD_REQUEST, ProblemType.REQUEST_ABORTED, "Request aborted",
                    "the connection closed before the request was read whole");
        }
        log.error("Unexpected error serving {} {} [request {}]", exchange.getRequest().getMethod(), ProblemWriter.originalPath(exchange),
                requestId(exchange), error);
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemType.INTERNAL_ERROR, "Internal error",
                "the gateway failed unexpectedly; its log has the details under this requestId");
    }

    /**
     * The answer has begun, so no problem can replace it: the connection is closed, so that the
     * caller sees a cut answer (no last chunk, or fewer bytes than its Content-Length), never a
     * complete-looking one. Logged here, in one line, for what it is; handing the error on
     * instead would have the server log it again at ERROR, as if the gateway had failed.
     */
    private static Mono<Void> afterCommit(ServerWebExchange exchange, Throwable error) {
        if (routed(exchange) && (upstreamConnectionFailure(error) || has(error, TimeoutException.class))) {
            log.warn("The upstream of route {} failed while its answer to {} {} was being passed on [request {}]: {} ({})", routeId(exchange),
                    exchange.getRequest().getMethod(), ProblemWriter.originalPath(exchange), requestId(exchange), error, upstream(exchange));
        } else if (DisconnectedClientHelper.isClientDisconnectedException(error)) {
            log.debug("The caller of {} {} went away during the answer [request {}]: {}", exchange.getRequest().getMethod(),
                    ProblemWriter.originalPath(exchange), requestId(exchange), error.toString());
        } else {
            log.error("Unexpected error after answering {} {} began [request {}]", exchange.getRequest().getMethod(),
                    ProblemWriter.originalPath(exchange), requestId(exchange), error);
        }
        if (ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse()) instanceof HttpServerResponse response) {
            response.withConnection(Connection::dispose);
            return Mono.empty();
        }
        return Mono.error(error);
    }

    private static ProblemDetail upstreamTimeout(ServerWebExchange exchange, Throwable error) {
        ProblemDetail problem = Problem.of(HttpStatus.GATEWAY_TIMEOUT, ProblemType.UPSTREAM_TIMEOUT, "Upstream too slow",
                "the upstream of route " + routeId(exchange) + " did not answer in time; try again later");
        return upstreamProblem(exchange, problem, error);
    }

    private static ProblemDetail upstreamUnavailable(ServerWebExchange exchange, Throwable error) {
        ProblemDetail problem = Problem.of(HttpStatus.BAD_GATEWAY, ProblemType.UPSTREAM_UNAVAILABLE, "Upstream unavailable",
                "the upstream of route " + routeId(exchange) + " refused or dropped the connection, or did not answer in HTTP;"
                        + " try again later");
        return upstreamProblem(exchange, problem, error);
    }

    /** The route for the caller; the upstream's address and the cause for the operators only. */
    private static ProblemDetail upstreamProblem(ServerWebExchange exchange, ProblemDetail problem, Throwable error) {
        problem.setProperty("route", routeId(exchange));
        Problem.withInternal(problem, "upstream", upstream(exchange));
        Problem.withInternal(problem, "cause", error.toString());
        return problem;
    }

    private static ProblemDetail byStatus(ServerWebExchange exchange, HttpStatusCode code, ResponseStatusException error) {
        if (code.value() == HttpStatus.GATEWAY_TIMEOUT.value() && routed(exchange)) {
            return upstreamTimeout(exchange, error);
        }
        if (code.value() == HttpStatus.NOT_FOUND.value()) {
            return Problem.of(HttpStatus.NOT_FOUND, ProblemType.NO_ROUTE, "No route",
                    "no route of the context maps serves this path");
        }
        HttpStatus status = HttpStatus.resolve(code.value());
        return Problem.ofHttpStatus(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status, code.value(),
                status == null ? "Error" : status.getReasonPhrase(), error.getReason() == null ? error.getMessage() : error.getReason());
    }

    /**
     * Whether the error, once the request is routed, is the upstream connection's: every I/O
     * failure (refused, reset, closed early, TLS), an answer that does not decode as HTTP, a
     * channel that could not be opened or was closed before the request was sent.
     */
    private static boolean upstreamConnectionFailure(Throwable error) {
        return has(error, IOException.class) || has(error, CodecException.class) || has(error, ChannelException.class)
                || has(error, AbortedException.class);
    }

    /** Whether the request had been handed to the upstream, so that an I/O error is the upstream's, not the caller's. */
    private static boolean routed(ServerWebExchange exchange) {
        return ServerWebExchangeUtils.isAlreadyRouted(exchange);
    }

    private static String routeId(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? "(none)" : route.getId();
    }

    private static String upstream(ServerWebExchange exchange) {
        URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        return String.valueOf(url);
    }

    private static String requestId(ServerWebExchange exchange) {
        RequestTrace trace = RequestTrace.of(exchange);
        return trace == null ? "-" : trace.id();
    }

    private static Throwable cause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return error;
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
