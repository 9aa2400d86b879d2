package dev.dragoman.gateway.outbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Delivers a copy by {@code POST}ing it to an http(s) inbox in structured mode. 2xx is
 * delivered; network errors, timeouts, 408, 429 and 5xx are retried; any other answer is a
 * permanent rejection.
 *
 * <p>The JDK's HttpClient rather than the gateway's Reactor Netty client: deliveries are plain
 * request/answer calls made off the event loop, and its per-request timeout is what the deadline
 * needs.
 */
public final class HttpTransport implements Transport {

    private final ExecutorService answers = Executors.newFixedThreadPool(2, DaemonThreads.named("dragoman-delivery"));
    private final HttpClient http;

    public HttpTransport(Duration connectTimeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).executor(answers).followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1: the JDK's default offers every plain-HTTP inbox an h2c upgrade, which strict servers refuse
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public Set<String> schemes() {
        return Set.of("http", "https");
    }

    @Override
    public CompletableFuture<Answer> send(EventStore.Claimed copy, Duration timeout) {
        return send(copy, timeout, Map.of());
    }

    /** The trace headers go with the copy, so that the inbox's server span continues the delivery's. */
    @Override
    public CompletableFuture<Answer> send(EventStore.Claimed copy, Duration timeout, Map<String, String> traceHeaders) {
        URI endpoint;
        try {
            endpoint = URI.create(copy.endpoint());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Answer.rejected("'" + copy.endpoint() + "' is not a valid URL: " + e.getMessage()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(copy.payload()));
        traceHeaders.forEach(request::header);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> error != null ? Answer.retry(describe(error), null) : answer(copy, response));
    }

    private static Answer answer(EventStore.Claimed copy, HttpResponse<Void> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Answer.delivered();
        }
        if (status == 408 || status == 429 || status >= 500) {
            return Answer.retry("HTTP " + status + " from " + copy.endpoint(), retryAfter(response));
        }
        return Answer.rejected("HTTP " + status + " from " + copy.endpoint() + ": a permanent refusal");
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
