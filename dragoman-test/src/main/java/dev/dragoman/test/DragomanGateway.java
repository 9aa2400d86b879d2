package dev.dragoman.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.dragoman.gateway.DragomanApplication;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.rules.model.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gateway of one {@link DragomanSetup}, running in this process, with its WireMock servers.
 *
 * <p>The extension and {@link DragomanRun} start it, so the tools' map tests and sweep, which run
 * on a {@code DragomanRun}, meet the gateway a Java contract test meets: the same properties point
 * the routes and inboxes at WireMock ({@code dragoman.overrides}), give each context a fresh key,
 * and keep the events in an H2 database of the run's own.
 */
final class DragomanGateway implements AutoCloseable {

    private final DragomanSetup setup;
    private final ContextModel model;
    /** Route id to its upstream: routes that share a context's stub directory share its server. */
    private final Map<String, WireMockServer> upstreams = new LinkedHashMap<>();
    private final WireMockServer inboxes;
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final String adminKey = newKey();
    private final Path emptyRoot;
    private ConfigurableApplicationContext gateway;
    private URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private DragomanGateway(DragomanSetup setup, ContextModel model) {
        this.setup = setup;
        this.model = model;
        try {
            // WireMock reads src/test/resources/mappings by default: a server without stubs must read nothing.
            this.emptyRoot = Files.createTempDirectory("dragoman-test-empty");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.inboxes = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").usingFilesUnderDirectory(emptyRoot.toString()));
    }

    /**
     * Loads the maps, starts the servers, then the gateway; stops whatever started when something fails.
     *
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException when the maps do not
     *         load or the setup names what they do not have
     */
    static DragomanGateway start(DragomanSetup setup) {
        DragomanGateway started = new DragomanGateway(setup, setup.load());
        try {
            started.startAll();
            return started;
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    private void startAll() {
        inboxes.start();
        acceptEvents();
        List<String> args = EmbeddedGateway.arguments(setup.mapsDir(), adminKey, "dragoman-test");
        for (String context : model.contexts().keySet()) {
            String key = newKey();
            keys.put(context, key);
            args.addAll(EmbeddedGateway.contextArguments(context, key, inboxes.baseUrl()));
        }
        Map<String, WireMockServer> byContextStubs = new LinkedHashMap<>();
        for (Route route : model.routes()) {
            DragomanSetup.StubDir stubs = setup.stubsFor(route);
            WireMockServer upstream;
            if (stubs != null && stubs.isForContext()) {
                upstream = byContextStubs.computeIfAbsent(stubs.name(), name -> started(stubs));
            } else {
                upstream = started(stubs);
            }
            upstreams.put(route.id(), upstream);
            args.add(EmbeddedGateway.upstreamArgument(route.id(), upstream.baseUrl()));
        }
        gateway = new SpringApplicationBuilder(DragomanApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .run(args.toArray(String[]::new));
        base = URI.create("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port"));
    }

    private WireMockServer started(DragomanSetup.StubDir stubs) {
        WireMockConfiguration options = options().dynamicPort().bindAddress("127.0.0.1");
        if (stubs == null) {
            options.usingFilesUnderDirectory(emptyRoot.toString());
        } else if (stubs.classpathFolder() != null) {
            options.usingFilesUnderClasspath(stubs.classpathFolder());
        } else {
            options.usingFilesUnderDirectory(stubs.directory().toString());
        }
        WireMockServer server = new WireMockServer(options);
        server.start();
        return server;
    }

    /** Every inbox accepts every copy, as a department that is up does. */
    private void acceptEvents() {
        inboxes.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(202)));
    }

    /**
     * Back to how the servers started: a stub directory's stubs and nothing a test added, empty
     * journals, scenarios at their start.
     */
    void reset() {
        for (WireMockServer server : servers()) {
            server.resetToDefaultMappings();
            server.resetRequests();
            server.resetScenarios();
        }
        acceptEvents();
    }

    private Set<WireMockServer> servers() {
        Set<WireMockServer> servers = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        servers.addAll(upstreams.values());
        servers.add(inboxes);
        return servers;
    }

    DragomanSetup setup() {
        return setup;
    }

    ContextModel model() {
        return model;
    }

    URI base() {
        return base;
    }

    HttpClient http() {
        return http;
    }

    Map<String, String> keys() {
        return keys;
    }

    String adminKey() {
        return adminKey;
    }

    Map<String, WireMockServer> upstreams() {
        return upstreams;
    }

    WireMockServer inboxes() {
        return inboxes;
    }

    private static String newKey() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return "dragoman-test-" + HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        servers().forEach(server -> {
            if (server.isRunning()) {
                server.stop();
            }
        });
        try {
            Files.deleteIfExists(emptyRoot);
        } catch (IOException e) {
            // A temporary directory left behind is the system's to clean; the run's result does not depend on it.
        }
    }
}
