package dev.dragoman.gateway.events;

import dev.dragoman.gateway.metrics.EventMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox (SPEC section 5): claims due copies, posts each to its receiver's inbox
 * in structured mode, and records the answer. 2xx is delivered; network errors, timeouts,
 * 408, 429 and 5xx are retried with {@link Backoff} until the deadline; any other answer is a
 * permanent rejection; a copy whose deadline passes is expired, never sent after it.
 *
 * <p>The JDK's HttpClient rather than the gateway's Reactor Netty client: deliveries are plain
 * request/answer calls made off the event loop, and its per-request timeout is what the deadline
 * needs.
 */
public final class DeliveryWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration DEPTH_EVERY = Duration.ofSeconds(1);

    private final EventStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final EventMetrics metrics;
    private final Backoff backoff;
    private final Duration timeout;
    private final Duration lease;
    private final int batchSize;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService answers = Executors.newFixedThreadPool(2, DaemonThreads.named("dragoman-delivery"));
    private final HttpClient http;
    private volatile Instant depthMeasuredAt = Instant.MIN;

    public DeliveryWorker(EventStore store, TransactionTemplate transactions, Clock clock, EventMetrics metrics, Backoff backoff,
            Duration timeout, Duration lease, int batchSize) {
        if (lease.compareTo(timeout) <= 0) {
            throw new IllegalArgumentException("dragoman.events.delivery.lease (" + lease + ") must be longer than the delivery timeout ("
                    + timeout + "), or a slow delivery would be taken again while it is still being sent");
        }
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.metrics = metrics;
        this.backoff = backoff;
        this.timeout = timeout;
        this.lease = lease;
        this.batchSize = batchSize;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).executor(answers).followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1: the JDK's default offers every plain-HTTP inbox an h2c upgrade, which strict servers refuse
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Claims the due copies and sends them; run by a {@link Ticker} every poll interval and when new copies wait. */
    public void poll() {
        Instant now = now();
        int room = batchSize - inFlight.get();
        if (room > 0) {
            EventStore.Claim claim = transactions.execute(tx -> store.claimDue(now, room, lease));
            claim.expired().forEach(copy -> {
                metrics.delivery("expired", copy.type(), copy.receiver());
                log.warn("Expired {} for {} at {}: deadline {} passed after {} attempts", copy.type(), copy.receiver(), copy.endpoint(),
                        copy.deadline(), copy.attempt() - 1);
            });
            claim.toSend().forEach(copy -> attempt(copy, now));
        }
        measureDepth(now);
    }

    private void attempt(EventStore.Claimed copy, Instant now) {
        URI endpoint = httpEndpoint(copy.endpoint());
        if (endpoint == null) {
            finish(copy, DeliveryStatus.REJECTED, "receiver " + copy.receiver() + " has no HTTP inbox ('" + copy.endpoint() + "')", now);
            return;
        }
        Duration left = Duration.between(now, copy.deadline());
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(left.compareTo(timeout) < 0 ? left.plusMillis(1) : timeout)
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(copy.payload()))
                .build();
        inFlight.incrementAndGet();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            try {
                answered(copy, response, error);
            } catch (RuntimeException e) {
                log.error("Could not record the answer to {} for {}; it will be sent again after its lease", copy.type(), copy.receiver(), e);
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    private void answered(EventStore.Claimed copy, HttpResponse<Void> response, Throwable error) {
        Instant now = now();
        if (error != null) {
            retry(copy, describe(error), null, now);
            return;
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            finish(copy, DeliveryStatus.DELIVERED, null, now);
        } else if (status == 408 || status == 429 || status >= 500) {
            retry(copy, "HTTP " + status + " from " + copy.endpoint(), retryAfter(response), now);
        } else {
            finish(copy, DeliveryStatus.REJECTED, "HTTP " + status + " from " + copy.endpoint() + ": a permanent refusal", now);
        }
    }

    private void retry(EventStore.Claimed copy, String error, Duration retryAfter, Instant now) {
        Duration wait = backoff.after(copy.attempt(), ThreadLocalRandom.current().nextDouble());
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        Instant next = now.plus(wait);
        // Never after the deadline: at the deadline the copy is taken once more, and expires.
        Instant at = next.isBefore(copy.deadline()) ? next : copy.deadline();
        transactions.executeWithoutResult(tx -> store.retryAt(copy.id(), at, error));
        metrics.delivery("retried", copy.type(), copy.receiver());
        log.info("Delivery of {} to {} failed (attempt {}: {}); next attempt at {}", copy.type(), copy.receiver(), copy.attempt(), error, at);
    }

    private void finish(EventStore.Claimed copy, DeliveryStatus status, String error, Instant now) {
        transactions.executeWithoutResult(tx -> store.finish(copy.id(), status, error, now));
        metrics.delivery(status.name().toLowerCase(Locale.ROOT), copy.type(), copy.receiver());
        if (status == DeliveryStatus.DELIVERED) {
            log.debug("Delivered {} to {} (attempt {})", copy.type(), copy.receiver(), copy.attempt());
        } else {
            log.warn("Rejected {} for {} at {}: {}", copy.type(), copy.receiver(), copy.endpoint(), error);
        }
    }

    private void measureDepth(Instant now) {
        if (Duration.between(depthMeasuredAt, now).compareTo(DEPTH_EVERY) < 0 && depthMeasuredAt != Instant.MIN) {
            return;
        }
        depthMeasuredAt = now;
        EventStore.Depth depth = store.depth();
        long age = depth.oldestCreatedAt() == null ? 0 : Math.max(0, Duration.between(depth.oldestCreatedAt(), now).toSeconds());
        metrics.outbox(depth.pending(), age);
    }

    /** Microseconds, like every time the store holds. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static URI httpEndpoint(String endpoint) {
        try {
            URI uri = URI.create(endpoint);
            return "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()) ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Duration retryAfter(HttpResponse<Void> response) {
        return response.headers().firstValue("Retry-After").filter(v -> v.chars().allMatch(Character::isDigit) && !v.isEmpty())
                .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    @Override
    public void close() {
        answers.shutdownNow();
    }
}
