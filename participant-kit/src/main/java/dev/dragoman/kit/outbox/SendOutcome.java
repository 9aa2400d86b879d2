package dev.dragoman.kit.outbox;

import java.time.Duration;

/**
 * What one attempt to hand an event to the gateway came to.
 *
 * @param retryAfter the gateway's {@code Retry-After}, or {@code null}
 * @param detail     for the log and the row's last error: the status and the problem's detail, or the connection error
 */
public record SendOutcome(Kind kind, int status, Duration retryAfter, String detail) {

    public enum Kind {
        /** 2xx: the gateway has the event and all its copies on disk. */
        ACCEPTED,
        /** Not now: a connection error, no answer in time, 408, 429 or 5xx. */
        RETRY,
        /** Never: any other answer, which sending again would only repeat. */
        REJECTED
    }

    public static SendOutcome of(int status, Duration retryAfter, String detail) {
        if (status >= 200 && status < 300) {
            return new SendOutcome(Kind.ACCEPTED, status, null, detail);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new SendOutcome(Kind.RETRY, status, retryAfter, detail);
        }
        return new SendOutcome(Kind.REJECTED, status, null, detail);
    }

    public static SendOutcome unreachable(String detail) {
        return new SendOutcome(Kind.RETRY, 0, null, detail);
    }
}
