package dev.dragoman.mock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One running {@link WireMockServer} per {@link Department}, each serving the stubs of its classpath folder.
 * The demo uses the declared ports ({@link #startOnDemoPorts()}); tests use free ones ({@link #startOnDynamicPorts()})
 * and verify what reached a department through {@link #server(String)}'s request journal.
 */
public final class MockDepartments implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";

    private final Map<String, WireMockServer> servers;

    private MockDepartments(Map<String, WireMockServer> servers) {
        this.servers = servers;
    }

    /** Starts every declared department on its demo port. */
    public static MockDepartments startOnDemoPorts() {
        return start(Department.all(), false);
    }

    /** Starts every declared department on a free port. */
    public static MockDepartments startOnDynamicPorts() {
        return start(Department.all(), true);
    }

    /**
     * Starts the given departments, on free ports or on their demo ports. If one cannot start, those already
     * started are stopped again, so that a failure leaves no port taken.
     */
    public static MockDepartments start(List<Department> departments, boolean dynamicPorts) {
        Map<String, WireMockServer> started = new LinkedHashMap<>();
        try {
            for (Department department : departments) {
                if (started.containsKey(department.name())) {
                    throw new IllegalArgumentException("department " + department.name() + " was given twice");
                }
                WireMockServer server = new WireMockServer(configuration(department, dynamicPorts));
                try {
                    server.start();
                } catch (Exception e) { // WireMock rethrows checked exceptions unchecked (Exceptions.throwUnchecked)
                    IllegalStateException failure = new IllegalStateException("cannot start department " + department.name()
                            + (dynamicPorts ? "" : " on port " + department.demoPort()) + ": " + rootMessage(e)
                            + (dynamicPorts ? "" : " (is another demo or test running? stop it, then start again)"), e);
                    stopQuietly(server, failure);
                    throw failure;
                }
                started.put(department.name(), server);
            }
        } catch (RuntimeException e) {
            started.values().forEach(server -> stopQuietly(server, e));
            throw e;
        }
        return new MockDepartments(started);
    }

    /** Jetty's failure to bind is wrapped a few times; the innermost message is the one that says why. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * Stopping a server that failed to start can fail too (Jetty's {@code ExecutionException: STOPPED}, thrown
     * unchecked though it is checked); that must not hide why it failed.
     */
    private static void stopQuietly(WireMockServer server, RuntimeException failure) {
        try {
            server.stop();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    private static WireMockConfiguration configuration(Department department, boolean dynamicPort) {
        // A department without stubs would answer 404 to everything; say so now rather than in a puzzling test.
        if (MockDepartments.class.getClassLoader().getResource(department.stubsFolder() + "/mappings") == null) {
            throw new IllegalStateException("department " + department.name() + " has no stubs: expected the classpath folder "
                    + department.stubsFolder() + "/mappings");
        }
        WireMockConfiguration options = options()
                .bindAddress(LOOPBACK)
                .usingFilesUnderClasspath(department.stubsFolder());
        return dynamicPort ? options.dynamicPort() : options.port(department.demoPort());
    }

    /** The running departments' names, in start order. */
    public List<String> departments() {
        return List.copyOf(servers.keySet());
    }

    /** The department's server: for its port, request journal ({@code verify}, {@code findAll}) and extra stubs. */
    public WireMockServer server(String department) {
        WireMockServer server = servers.get(department);
        if (server == null) {
            throw new IllegalArgumentException("no department named " + department + " is running; running: " + servers.keySet());
        }
        return server;
    }

    /** The port the department listens on. */
    public int port(String department) {
        return server(department).port();
    }

    /** The department's base URL without a trailing slash, e.g. {@code http://127.0.0.1:9101}. */
    public String baseUrl(String department) {
        return "http://" + LOOPBACK + ":" + port(department);
    }

    /** Forgets every request each department has received, keeping the stubs. */
    public void resetRequests() {
        servers.values().forEach(WireMockServer::resetRequests);
    }

    @Override
    public void close() {
        List<Exception> failures = new ArrayList<>();
        for (WireMockServer server : servers.values()) {
            try {
                server.stop();
            } catch (Exception e) { // WireMock rethrows checked exceptions unchecked
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("could not stop " + failures.size() + " department(s)");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /** Starts every department on its demo port and serves until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        MockDepartments departments = startOnDemoPorts();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            departments.close();
            stopped.countDown();
        }, "mock-departments-shutdown"));
        for (String department : departments.departments()) {
            System.out.printf("%-12s listens on %s%n", department, departments.baseUrl(department));
        }
        System.out.println("Mock departments are running; stop them with Ctrl+C.");
        stopped.await();
    }
}
