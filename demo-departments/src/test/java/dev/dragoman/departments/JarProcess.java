package dev.dragoman.departments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A built jar running as its own process on a port the test chose, so that a gateway started again listens where the
 * departments already send (GatewayProcess of the gateway's tests picks a new port at every start). Its output goes to
 * a log file, which failures quote and the tests read for the departments' lines.
 */
final class JarProcess implements AutoCloseable {

    /** Generous: two shared cores busy with other builds start a Spring Boot application in 5 seconds to 2 minutes. */
    static final Duration STARTUP = Duration.ofMinutes(4);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private JarProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The jar named by a system property that failsafe sets (demo-departments/pom.xml). */
    static Path jar(String property) {
        String value = System.getProperty(property);
        assertThat(value).as("system property %s (set by failsafe; run ./mvnw verify)", property).isNotBlank();
        Path jar = Path.of(value);
        assertThat(jar).as("%s, which exists after the package phase", property).isRegularFile();
        return jar;
    }

    /** Starts {@code java -jar <jar> --server.port=<port> <arguments>}, its output appended to {@code <work>/<name>.log}. */
    static JarProcess start(String name, Path jar, int port, Path work, List<String> arguments) {
        Path log = work.resolve(name + ".log");
        // C1 only: four JVMs starting at once on two shared cores start in about half the time, and nothing here is hot.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(variable -> variable.startsWith("DRAGOMAN_") || variable.startsWith("SPRING_"));
        try {
            return new JarProcess(name, builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Waits until /actuator/health answers UP; fails, quoting the log, if the process ends first. */
    JarProcess awaitHealthy() {
        await(name + "'s /actuator/health to answer UP").atMost(STARTUP).pollInterval(Duration.ofMillis(250))
                .until(() -> !process.isAlive() || healthy());
        assertThat(process.isAlive()).withFailMessage("%s exited with code %s before it was healthy; its output:%n%s", name,
                process.isAlive() ? "" : process.exitValue(), log()).isTrue();
        return this;
    }

    private boolean healthy() {
        try {
            HttpResponse<String> health = get("/actuator/health");
            return health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        }
    }

    /** Kills the process at once (SIGKILL, as a crash or {@code kill -9}), and waits until its port and files are free. */
    void kill() {
        process.destroyForcibly();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s ended after SIGKILL", name).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> get(String path, String header, String value) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).header(header, value).GET());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> put(String path, String contentType, String body) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Everything the process wrote so far (and the earlier processes of the same name: the log is appended to). */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** Stops it as Ctrl+C would (SIGTERM), and kills it if that takes too long. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A port free right now on loopback. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }
}
