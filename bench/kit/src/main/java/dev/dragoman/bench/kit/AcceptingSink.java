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
 * without any of Dragoman's work, so the relay's numbers are the kit's own. A POST on any other path
 * is a copy a real gateway delivered to an inbox (the gateway's maps point their inboxes here): also
 * {@code 202}, counted apart.
 */
final class AcceptingSink implements AutoCloseable {

    private final HttpServer server;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong copies = new AtomicLong();

    /** @param port 0 for any free one */
    AcceptingSink(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            if ("POST".equals(exchange.getRequestMethod())) {
                ("/events".equals(exchange.getRequestURI().getPath()) ? received : copies).incrementAndGet();
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

    long copies() {
        return copies.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
