package dev.dragoman.test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The gateway of a {@link DragomanTest}, started and stopped by its caller rather than by JUnit:
 * for a runner of its own or a test framework other than JUnit 5. It is the same gateway with the
 * same WireMock servers and keys; the map-test runner and the contract sweep of the tools run on it,
 * so a YAML map test, a sweep and a Java contract test all meet one gateway set up one way.
 *
 * <pre>{@code
 * try (DragomanRun run = DragomanRun.start(Path.of("context-maps"))) {
 *     run.dragoman().client("web-support").get("/game-dept/games/1");
 * }
 * }</pre>
 */
public final class DragomanRun implements AutoCloseable {

    private final DragomanGateway gateway;
    private final Dragoman dragoman;

    private DragomanRun(DragomanGateway gateway) {
        this.gateway = gateway;
        this.dragoman = new Dragoman(gateway);
    }

    /** The gateway with the maps of a directory and an empty WireMock for every route. */
    public static DragomanRun start(Path mapsDir) {
        return start(mapsDir, Map.of());
    }

    /**
     * @param stubDirectories per route id, a WireMock stub directory ({@code mappings/} and
     *     {@code __files/}) that route's upstream serves, as {@code @Stubs(route = ..., dir = ...)} does
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException when the maps do not
     *     load, or a route or directory given does not exist (the message says which)
     */
    public static DragomanRun start(Path mapsDir, Map<String, Path> stubDirectories) {
        List<DragomanSetup.StubDir> stubs = new ArrayList<>();
        // Sorted, so that equal arguments make equal setups whatever the map's order.
        new TreeMap<>(stubDirectories).forEach((route, dir) ->
                stubs.add(new DragomanSetup.StubDir(route, null, dir.toAbsolutePath().normalize(), null)));
        return new DragomanRun(DragomanGateway.start(new DragomanSetup(mapsDir.toAbsolutePath().normalize(), stubs)));
    }

    /** The handle a test method would get: clients, upstreams, inboxes. */
    public Dragoman dragoman() {
        return dragoman;
    }

    /** What the extension does before each test: stubs back to the directories', journals emptied. */
    public void reset() {
        gateway.reset();
    }

    /** Stops the gateway, then the WireMock servers. */
    @Override
    public void close() {
        gateway.close();
    }
}
