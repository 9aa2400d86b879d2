package dev.dragoman.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Sends requests to the gateway as one caller: every request carries that caller's API key in
 * {@code X-Api-Key} unless the request sets the header itself (to test a wrong key). A body is
 * sent as {@code application/json} unless a {@code Content-Type} header says otherwise. Paths are
 * the gateway's, e.g. {@code /game-dept/games/1}, query included.
 */
public final class DragomanClient {

    /** Generous: the first request of a run warms the gateway's code paths up on a loaded machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI base;
    private final String key;
    private final String who;

    DragomanClient(HttpClient http, URI base, String key, String who) {
        this.http = http;
        this.base = base;
        this.key = key;
        this.who = who;
    }

    public DragomanResponse get(String path) {
        return send("GET", path, Map.of(), null);
    }

    public DragomanResponse get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null);
    }

    public DragomanResponse post(String path, String jsonBody) {
        return send("POST", path, Map.of(), jsonBody);
    }

    public DragomanResponse put(String path, String jsonBody) {
        return send("PUT", path, Map.of(), jsonBody);
    }

    public DragomanResponse delete(String path) {
        return send("DELETE", path, Map.of(), null);
    }

    /**
     * Any request.
     *
     * @param body the body as text, or null for none
     */
    public DragomanResponse send(String method, String path, Map<String, String> headers, String body) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with /, e.g. /game-dept/games/1; got " + path);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        if (!has(headers, "X-Api-Key")) {
            request.header("X-Api-Key", key);
        }
        if (body != null && !has(headers, "Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new DragomanResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(who + ": " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(who + ": interrupted during " + method + " " + path, e);
        }
    }

    private static boolean has(Map<String, String> headers, String name) {
        return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
    }

    /** The key this client sends, for a test that sends with an HTTP client of its own. */
    public String apiKey() {
        return key;
    }

    @Override
    public String toString() {
        return "the client of " + who + " at " + base;
    }
}
