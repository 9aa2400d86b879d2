package dev.dragoman.gateway.problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Maps for the tests of what the gateway tells strangers: a translating route, a plain one, one
 * whose upstream accepts and closes at once, one that speaks TLS to a plain-HTTP upstream.
 */
public final class OpsMaps {

    private OpsMaps() {
    }

    public static Path write(int upstreamPort, int closingPort) {
        try {
            Path dir = Files.createTempDirectory("dragoman-ops-maps");
            Files.writeString(dir.resolve("maps.yaml"), """
                    contexts:
                      game-dept:   {description: Game development}
                      web-support: {description: Web support}

                    concepts:
                      game:
                        keys: {game-dept: [code], web-support: [code]}
                        entries:
                          - game-dept:   {code: 1001}
                            web-support: {code: 1}
                          - game-dept:   {code: 1002}
                            web-support: {code: 2}

                    routes:
                      - id: strict
                        from: web-support
                        to: game-dept
                        path: /strict/**
                        strip-prefix: 1
                        upstream: http://127.0.0.1:%1$d
                        request:
                          path-templates: ['/games/{game.code}']
                          query:   {gameCode: game.code}
                          headers: {X-Game-Code: game.code}
                          body:
                            $.codes[*]: game.code
                        response:
                          body:
                            $.code: game.code
                            $.codes[*]: game.code

                      - id: plain
                        from: web-support
                        to: game-dept
                        path: /plain/**
                        strip-prefix: 1
                        upstream: http://127.0.0.1:%1$d

                      - id: closing
                        from: web-support
                        to: game-dept
                        path: /closing/**
                        strip-prefix: 1
                        upstream: http://127.0.0.1:%2$d

                      - id: tls
                        from: web-support
                        to: game-dept
                        path: /tls/**
                        strip-prefix: 1
                        upstream: https://127.0.0.1:%1$d
                    """.formatted(upstreamPort, closingPort));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An upstream that accepts every connection and closes it at once, before any answer. */
    public static final class ClosingUpstream implements AutoCloseable {

        private final ServerSocket socket;

        public ClosingUpstream() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        connection.shutdownOutput();
                    } catch (IOException e) {
                        // closed: the test is over
                    }
                }
            }, "closing-upstream");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        public int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
