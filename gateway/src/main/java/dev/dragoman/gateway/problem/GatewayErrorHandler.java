package dev.dragoman.gateway.problem;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Every error that escapes a route as a problem+json answer (SPEC section 2): an upstream that
 * is down, refuses or hangs up is a 502, one too slow (connect or response timeout) a 504, a
 * path no route serves a 404. Runs before Spring Boot's own handler, which would answer in its
 * own shape.
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
            return Mono.error(error);
        }
        return ProblemWriter.write(exchange, problemFor(exchange, error));
    }

    private static ProblemDetail problemFor(ServerWebExchange exchange, Throwable error) {
        String upstream = String.valueOf(exchange.getAttributes().get(
                org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR));
        if (has(error, ConnectTimeoutException.class) || has(error, TimeoutException.class)) {
            return Problem.of(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "Upstream too slow",
                    "the upstream did not answer in time (" + upstream + "): " + error.getMessage());
        }
        if (error instanceof ResponseStatusException status) {
            return byStatus(status.getStatusCode(), status, upstream);
        }
        if (error instanceof ErrorResponseException answer) {
            // a problem that a part of the gateway wrote for this request (a resolver that is
            // down, say), answered as it is; asked after ResponseStatusException, which is one too
            return answer.getBody();
        }
        if (has(error, ConnectException.class) || has(error, UnknownHostException.class) || has(error, PrematureCloseException.class)) {
            return Problem.of(HttpStatus.BAD_GATEWAY, "upstream-unavailable", "Upstream unavailable",
                    "the upstream refused or dropped the connection (" + upstream + "): " + error.getMessage());
        }
        if (has(error, DataBufferLimitException.class)) {
            return Problem.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large", error.getMessage());
        }
        log.error("Unexpected error serving {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the gateway failed unexpectedly; its log has the details");
    }

    private static ProblemDetail byStatus(HttpStatusCode code, ResponseStatusException error, String upstream) {
        if (code.value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
            return Problem.of(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "Upstream too slow",
                    "the upstream did not answer in time (" + upstream + ")");
        }
        if (code.value() == HttpStatus.NOT_FOUND.value()) {
            return Problem.of(HttpStatus.NOT_FOUND, "no-route", "No route",
                    "no route of the context maps serves this path");
        }
        HttpStatus status = HttpStatus.resolve(code.value());
        return Problem.of(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status, "http-" + code.value(),
                status == null ? "Error" : status.getReasonPhrase(), error.getReason() == null ? error.getMessage() : error.getReason());
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
