package dev.dragoman.gateway.policy;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A policy's refusal (405, 429, 503 of an open breaker), raised inside the route and answered by
 * {@code GatewayErrorHandler} on the exchange as it came in: with the problem and the headers
 * given here (Allow, Retry-After), and without the route's response decorator, so an answer of
 * Dragoman's own is never translated. Raised rather than written, so that a retry wrapped
 * around the breaker cannot mistake it for the upstream's 503 and try again. No stack trace: a
 * flood of 429s is a normal day for a rate limit and must not cost one each.
 */
final class PolicyRefusal extends ErrorResponseException {

    private final HttpHeaders headers;

    PolicyRefusal(ProblemDetail problem, HttpHeaders headers) {
        super(org.springframework.http.HttpStatusCode.valueOf(problem.getStatus()), problem, null);
        this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** Seconds to wait, rounded up and at least 1, as {@code Retry-After} is written (RFC 9110 section 10.2.3). */
    static String retryAfter(long nanos) {
        long seconds = (nanos + 999_999_999L) / 1_000_000_000L;
        return Long.toString(Math.max(1, seconds));
    }
}
