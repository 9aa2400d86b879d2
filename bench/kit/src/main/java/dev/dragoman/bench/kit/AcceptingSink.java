package dev.dragoman.bench.kit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay's baseline receiver: a JDK HTTP server on loopback that reads each {@code POST /events}
 * to the end and answers {@code 202} at once, counting what it took. It stands where Dragoman would,
 * without any of Dragoman's work, so the relay's numbers are the kit's own.
 */
final class AcceptingSink implements AutoCloseable {

    private final HttpServer server;
    private final AtomicLong received = new AtomicLong();

    AcceptingSink() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/events", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            if ("POST".equals(exchange.getRequestMethod())) {
                received.incrementAndGet();
                exchange.sendResponseHeaders(202, -1);
            } else {
                exchange.sendResponseHeaders(405, -1);
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long received() {
        return received.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
