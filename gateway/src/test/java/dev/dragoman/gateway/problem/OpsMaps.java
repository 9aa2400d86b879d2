package dev.dragoman.gateway.problem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Maps for the tests of what the gateway tells strangers: a translating route, a plain one, one
 * whose upstream accepts and closes at once, one whose upstream cuts its answer after it began,
 * one that speaks TLS to a plain-HTTP upstream.
 */
public final class OpsMaps {

    private OpsMaps() {
    }

    public static Path write(int upstreamPort, int closingPort, int cuttingPort) {
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

                      - id: cutting
                        from: web-support
                        to: game-dept
                        path: /cutting/**
                        strip-prefix: 1
                        upstream: http://127.0.0.1:%3$d

                      - id: tls
                        from: web-support
                        to: game-dept
                        path: /tls/**
                        strip-prefix: 1
                        upstream: https://127.0.0.1:%1$d
                    """.formatted(upstreamPort, closingPort, cuttingPort));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An upstream on a plain socket, doing to each connection what the test says (one at a time). */
    public static final class SocketUpstream implements AutoCloseable {

        /** What the upstream does with a connection; it is closed afterwards. */
        public interface Behaviour {
            void serve(Socket connection) throws IOException;
        }

        /** Accepts and closes at once, before any answer. */
        public static SocketUpstream closing() {
            return new SocketUpstream(Socket::shutdownOutput);
        }

        /**
         * Answers 200 with a chunked body whose first chunk, of 256 KB, it cuts half way by closing:
         * so much that the gateway has begun passing the answer on when the close arrives.
         */
        public static SocketUpstream cutting() {
            return new SocketUpstream(connection -> {
                BufferedReader request = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
                for (String line = request.readLine(); line != null && !line.isEmpty(); line = request.readLine()) {
                    // the request's head, which this upstream does not care about
                }
                OutputStream out = connection.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n40000\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write("a".repeat(CUT_AFTER).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            });
        }

        /** How much of its 256 KB chunk {@link #cutting()} sends. */
        public static final int CUT_AFTER = 128 * 1024;

        private final ServerSocket socket;

        public SocketUpstream(Behaviour behaviour) {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        behaviour.serve(connection);
                    } catch (IOException e) {
                        // a connection gone wrong, or the test is over
                    }
                }
            }, "socket-upstream");
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
