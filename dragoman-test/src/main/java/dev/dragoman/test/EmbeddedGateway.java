package dev.dragoman.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The program arguments that start the gateway in this JVM the way tests want it: a free loopback
 * port, maps read once (no watching), a database of its own in memory, no Kafka, quick delivery
 * retries, and the keys and stand-ins each test bench names. The extension and the tools' map-test
 * bench both start their gateway with these, so a contract test and a map test see the same gateway.
 */
public final class EmbeddedGateway {

    private EmbeddedGateway() {
    }

    /**
     * The arguments every embedded gateway has; a mutable list, for the bench to add its own.
     *
     * @param database a word naming the in-memory database (a random suffix keeps each gateway's apart)
     */
    public static List<String> arguments(Path mapsDir, String adminKey, String database) {
        return new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--dragoman.context-maps=" + mapsDir.toAbsolutePath(),
                "--dragoman.reload.watch=false",
                "--dragoman.open-development-mode=false",
                "--dragoman.demo.mock-departments=false",
                "--dragoman.events.kafka.bootstrap-servers=",
                "--dragoman.events.delivery.poll-interval=50ms",
                "--dragoman.events.delivery.first-retry=100ms",
                "--dragoman.events.delivery.max-retry=1s",
                "--dragoman.admin.api-keys=" + adminKey,
                // A database of this gateway's own, gone when it stops (H2 closes it with its last connection).
                "--spring.datasource.url=jdbc:h2:mem:" + database + "-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--spring.jmx.enabled=false"));
    }

    /** A context's caller key, and its inbox moved to {@code <inboxes>/inbox/<context>}. */
    public static List<String> contextArguments(String context, String key, String inboxesBaseUrl) {
        return List.of("--dragoman.callers[" + context + "].api-keys=" + key,
                "--dragoman.overrides.inboxes[" + context + "]=" + inboxesBaseUrl + inboxPath(context));
    }

    /** Where a context's copies arrive on the inboxes' stand-in. */
    public static String inboxPath(String context) {
        return "/inbox/" + URLEncoder.encode(context, StandardCharsets.UTF_8);
    }

    /** A route's upstream moved to its stand-in. */
    public static String upstreamArgument(String routeId, String baseUrl) {
        return "--dragoman.overrides.upstreams[" + routeId + "]=" + baseUrl;
    }
}
