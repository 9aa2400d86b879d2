package dev.dragoman.gateway.problem;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.web.server.ServerWebExchange;

/**
 * One request's id and where the full details of a problem answered to it go. {@link RequestIdFilter}
 * puts it in the exchange's attributes and in the Reactor context, so that {@link ProblemWriter}
 * finds it whether it is handed the exchange or only a response (a decorator's).
 *
 * @param id the request id, in the problem's {@code requestId}, its {@code X-Request-Id} and the log
 * @param method the request's method, for the log line and the admin view
 * @param problems where the full problems are kept for the admin API
 */
public record RequestTrace(String id, String method, RecentProblems problems) {

    /** The exchange attribute (and Reactor context key) that holds a request's trace. */
    public static final String ATTRIBUTE = RequestTrace.class.getName();

    public static RequestTrace of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    /**
     * A new id: 64 random bits in hex. Not a UUID, whose SecureRandom is slow and contended for an
     * id made for every request; unique enough for joining a caller's report to a log line within
     * the hour the admin API keeps problems.
     */
    static String newId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
