package dev.dragoman.tools.demo;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.model.ModelCounts;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.mock.MockDepartments;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Once the gateway serves, says where the demo listens and which keys open it. Keys are never logged (SPEC section
 * 3), except the demo's own published ones, recognised by their {@value #DEMO_KEY_PREFIX} prefix: a real key set for
 * a demo run, say from the environment, is named but not shown.
 */
final class DemoBanner implements ApplicationListener<ApplicationReadyEvent> {

    static final String DEMO_KEY_PREFIX = "demo-";

    private static final Logger log = LoggerFactory.getLogger(DemoBanner.class);

    private final DragomanProperties properties;
    private final ModelHolder models;
    private final MockDepartments departments;
    private final Map<String, String> kitDepartments;

    DemoBanner(DragomanProperties properties, ModelHolder models, MockDepartments departments, Map<String, String> kitDepartments) {
        this.properties = properties;
        this.models = models;
        this.departments = departments;
        this.kitDepartments = kitDepartments;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        String host = environment.getProperty("server.address", "127.0.0.1");
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        String gateway = "http://" + host + ":" + environment.getProperty("local.server.port", "8080");
        Map<String, String> mocks = new LinkedHashMap<>();
        departments.departments().forEach(department -> mocks.put(department, departments.baseUrl(department)));
        Map<String, List<String>> callers = new TreeMap<>();
        properties.callers().forEach((context, caller) -> callers.put(context, caller.apiKeys()));
        log.info(text(gateway, models.directory(), ModelCounts.of(models.current().model()), mocks, kitDepartments, callers,
                properties.admin().apiKeys()));
    }

    /**
     * The banner: the gateway's URL and maps, each mock department's URL, each department on the kit, the keys, a first
     * call, and where events go.
     */
    static String text(String gateway, Path maps, ModelCounts counts, Map<String, String> mocks, Map<String, String> kitDepartments,
            Map<String, List<String>> callerKeys, List<String> adminKeys) {
        StringBuilder text = new StringBuilder(kitDepartments.isEmpty()
                ? "\n\n  Dragoman demo: the gateway and the mock departments, in this one process.\n\n"
                : "\n\n  Dragoman demo: the gateway with the mock departments inside; " + String.join(", ", kitDepartments.keySet())
                        + " run on the participant kit, each its own process.\n\n");
        row(text, "gateway", gateway, "maps " + maps.toAbsolutePath().normalize() + ": " + counts);
        mocks.forEach((department, url) -> row(text, department, url, "mock department; what it received: " + url + "/__admin/requests"));
        kitDepartments.forEach((department, url) -> row(text, department, url,
                "own process on the participant kit (demo-departments); README.md, \"The outage story\""));
        text.append("\n  API keys (header X-Api-Key):\n");
        callerKeys.forEach((context, keys) -> row(text, context, shown(keys), ""));
        row(text, "admin", adminKeys.isEmpty() ? "(none)" : shown(adminKeys), "");
        String tryKey = callerKeys.getOrDefault("web-support", List.of()).stream()
                .filter(key -> key.startsWith(DEMO_KEY_PREFIX)).findFirst().orElse(null);
        if (tryKey != null) {
            text.append("\n  Try (web support asks for its game 1; game-dept receives /games/1001):\n")
                    .append("    curl -s -H 'X-Api-Key: ").append(tryKey).append("' ").append(gateway).append("/game-dept/games/1\n");
        }
        if (counts.events() > 0) {
            text.append("  Events: POST ").append(gateway).append("/events with the publishing context's key;")
                    .append(" README.md, \"Try a saga\", walks the order saga.\n");
        }
        return text.append("  More calls: README.md, \"Try it\". Ctrl+C stops the gateway and the departments.\n").toString();
    }

    private static void row(StringBuilder text, String name, String value, String note) {
        text.append(String.format("    %-12s %-24s %s", name, value, note).stripTrailing()).append('\n');
    }

    private static String shown(List<String> keys) {
        return String.join(", ", keys.stream()
                .map(key -> key.startsWith(DEMO_KEY_PREFIX) ? key : "(a key set outside the demo profile, not shown)")
                .toList());
    }
}
