package dev.dragoman.gateway.process;

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
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The built gateway jar running as its own process, started as a user starts it: {@code java -jar gateway.jar}, on a
 * port chosen here (with {@code --server.port=0} the process would know its port, but not the test), its output in a
 * log file that failures quote. Public for the tools module's process tests, which start the tools jar the same way.
 */
public final class GatewayProcess implements AutoCloseable {

    /** Generous: two shared cores start a Spring Boot application in 5 to 30 seconds. */
    static final Duration STARTUP = Duration.ofMinutes(3);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;
    private final int port;

    private GatewayProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The jar the build made ({@code dragoman.gateway.jar}, set by failsafe in gateway/pom.xml). */
    public static Path jar() {
        String property = System.getProperty("dragoman.gateway.jar");
        assertThat(property).as("system property dragoman.gateway.jar (set by failsafe; run ./mvnw verify)").isNotBlank();
        Path jar = Path.of(property);
        assertThat(jar).as("the gateway jar, which exists after the package phase").isRegularFile();
        return jar;
    }

    /** Starts the gateway jar the build made: {@link #start(Path, Path, Path, Map, String...)} with {@link #jar()}. */
    public static GatewayProcess start(Path workingDirectory, Path log, Map<String, String> environment, String... arguments) {
        return start(jar(), workingDirectory, log, environment, arguments);
    }

    /**
     * Starts {@code java -jar <jar> --server.port=<free port> <arguments>} in {@code workingDirectory}, with the
     * given environment variables on top of this JVM's, minus any DRAGOMAN_ or SPRING_ variable that would make the
     * test depend on the machine. Its temporary files go beside its log: Spring Boot unpacks mock-upstreams there at
     * every start of the tools jar (requiresUnpack) and leaves the empty directory behind, to the system's temp cleaning.
     */
    public static GatewayProcess start(Path jar, Path workingDirectory, Path log, Map<String, String> environment,
            String... arguments) {
        int port = freePort();
        Path temp = log.resolveSibling(log.getFileName() + ".tmp");
        try {
            Files.createDirectories(temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.io.tmpdir=" + temp,
                "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DRAGOMAN_") || name.startsWith("SPRING_"));
        builder.environment().putAll(environment);
        try {
            return new GatewayProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Waits until health answers UP; fails, quoting the log, if the process ends first. */
    public GatewayProcess awaitHealthy() {
        await("the gateway's /actuator/health to answer UP")
                .atMost(STARTUP)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !process.isAlive() || healthy());
        assertThat(process.isAlive())
                .withFailMessage("the gateway exited with code %s before it was healthy; its output:%n%s", exitCodeIfEnded(), log())
                .isTrue();
        return this;
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit() {
        try {
            return process.onExit().get(STARTUP.toSeconds(), TimeUnit.SECONDS).exitValue();
        } catch (TimeoutException e) {
            throw new AssertionError("the gateway did not exit within " + STARTUP + "; its output:\n" + log(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    /**
     * Kills the process at once, as {@code kill -9} does ({@link Process#destroyForcibly()} is SIGKILL on Linux): no
     * graceful shutdown, no shutdown hook, nothing flushed on the way out. Returns its exit code once it has ended
     * (137, 128 + SIGKILL, on Linux), so that the operating system has released its files and port.
     */
    public int kill() {
        process.destroyForcibly();
        return awaitExit();
    }

    private boolean healthy() {
        try {
            HttpResponse<String> health = get("/actuator/health", Map.of());
            return health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    public HttpResponse<String> post(String path, Map<String, String> headers, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Everything the process has written so far, standard output and error. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    private String exitCodeIfEnded() {
        return process.isAlive() ? "(still running)" : String.valueOf(process.exitValue());
    }

    /** Stops the process as Ctrl+C would (SIGTERM, graceful shutdown), and kills it if that takes too long. */
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

    /** A port free right now on loopback; the gateway takes it a moment later. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    /** Whether a port can be listened on right now, on loopback. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
