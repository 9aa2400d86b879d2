package dev.dragoman.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.dragoman.gateway.DragomanApplication;
import dev.dragoman.rules.ContextMaps;
import dev.dragoman.test.EmbeddedGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gateway in this JVM as the JUnit extension starts it ({@link EmbeddedGateway}), on a copy of
 * the example maps that a test may break, with known keys: {@code console-admin-key} for the admin
 * and {@code console-<context>-key} for each context. The contexts' inboxes are a WireMock server
 * ({@link #inboxes}) that takes every copy ({@code 202}) until a test stubs an answer of its own.
 */
final class ConsoleGateway implements AutoCloseable {

    static final String ADMIN_KEY = "console-admin-key";

    final Path maps;
    final Map<String, String> keys = new LinkedHashMap<>();
    private final ConfigurableApplicationContext gateway;
    final URI base;
    final WireMockServer inboxes = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ConsoleGateway(Path exampleMaps) {
        maps = copy(exampleMaps);
        inboxes.start();
        inboxes.stubFor(WireMock.post(urlPathMatching("/inbox/.*")).atPriority(10).willReturn(aResponse().withStatus(202)));
        List<String> args = EmbeddedGateway.arguments(maps, ADMIN_KEY, "console-tests");
        for (String context : ContextMaps.load(maps).orElseThrow().contexts().keySet()) {
            keys.put(context, "console-" + context + "-key");
            args.addAll(EmbeddedGateway.contextArguments(context, keys.get(context), inboxes.baseUrl()));
        }
        gateway = new SpringApplicationBuilder(DragomanApplication.class).bannerMode(Banner.Mode.OFF).run(args.toArray(String[]::new));
        base = URI.create("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port"));
    }

    /** The maps' files, without the example's tests and build (the gateway reads the directory's own files). */
    private static Path copy(Path from) {
        try {
            Path to = Files.createTempDirectory("console-tests-maps");
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".csv")) {
                        Files.copy(file, to.resolve(name));
                    }
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return base.resolve(path).toString();
    }

    HttpResponse<String> get(String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return send(request.build());
    }

    HttpResponse<String> post(String path, String key, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return send(request.build());
    }

    /** Publishes a CloudEvent (structured JSON) as the context whose key this is. */
    HttpResponse<String> publish(String key, String event) {
        return send(HttpRequest.newBuilder(base.resolve("/events")).header("Content-Type", "application/cloudevents+json")
                .header("X-Api-Key", key).POST(HttpRequest.BodyPublishers.ofString(event)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        gateway.close();
        inboxes.stop();
        try (Stream<Path> files = Files.walk(maps)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a copy left in the temporary directory is the system's to clean
        }
    }
}
