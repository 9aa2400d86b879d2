package dev.dragoman.kit.testservice;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server in the place of Dragoman's {@code POST /events}: it answers as told
 * (202, 503 with {@code Retry-After}, a 400 problem) and can be down, its port closed, and come
 * back on the same port. It records every request it answered.
 */
public final class GatewayStandIn {

    public enum Mode { ACCEPT, UNAVAILABLE, REJECT }

    /** One request as it arrived. */
    public record Received(Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.ACCEPT;
    private HttpServer server;

    public GatewayStandIn() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/events", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
            String answer;
            int status;
            switch (mode) {
                case ACCEPT -> {
                    status = 202;
                    answer = "{\"duplicate\":false}";
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                }
                case UNAVAILABLE -> {
                    status = 503;
                    answer = "{\"type\":\"https://dragoman.dev/problems/event-store-unavailable\",\"title\":\"Event store unavailable\","
                            + "\"status\":503,\"detail\":\"the event store cannot be reached\"}";
                    exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                    exchange.getResponseHeaders().add("Retry-After", "30");
                }
                default -> {
                    status = 403;
                    answer = "{\"type\":\"https://dragoman.dev/problems/event-not-publishable\",\"title\":\"Event type not publishable by this context\","
                            + "\"status\":403,\"detail\":\"event type 'payment.captured' is published by payment, and this key belongs to product\"}";
                    exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                }
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** Down: the port is closed, connections are refused. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Every request answered so far. */
    public List<Received> requests() {
        return List.copyOf(received);
    }

    /** The requests that carried the event {@code id}. */
    public List<Received> requestsFor(String id) {
        return received.stream().filter(r -> r.body().contains("\"id\":\"" + id + "\"")).toList();
    }
}
