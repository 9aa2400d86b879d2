package dev.dragoman.gateway.process;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway on its embedded event store stops on SIGTERM (Ctrl+C, a service manager's stop) without an ERROR line,
 * while deliveries are still being retried: H2 closes the store with the connection pool, after the workers have
 * stopped, not in its own shutdown hook while they still write (DB_CLOSE_ON_EXIT=FALSE, EventStoreConfiguration).
 */
class GracefulStopProcessIntegrationTests {

    private static final String ORDER_KEY = "graceful-stop-order-key";
    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^\\S+\\s+ERROR\\s.*$");

    @TempDir
    Path work;

    private final InboxesAndGateways around = new InboxesAndGateways();

    @AfterEach
    void stopEverything() {
        around.close();
    }

    @Test
    void sigterm_whileCopiesAreRetried_logsNoError() throws IOException {
        around.answering(503);
        GatewayProcess gateway = around.started(GatewayProcess.start(work, work.resolve("gateway.log"), Map.of(),
                "--dragoman.context-maps=" + writeMaps(),
                "--dragoman.data-dir=" + work.resolve("data"),
                "--dragoman.callers.order.api-keys=" + ORDER_KEY,
                "--dragoman.admin.api-keys=graceful-stop-admin-key",
                "--dragoman.events.delivery.first-retry=50ms",
                "--dragoman.events.delivery.max-retry=100ms",
                "--dragoman.events.delivery.poll-interval=50ms"));
        for (int n = 0; n < 20; n++) {
            HttpResponse<String> answer = gateway.post("/events", Map.of("X-Api-Key", ORDER_KEY, "Content-Type", "application/cloudevents+json"),
                    """
                    {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.placed",
                     "datacontenttype":"application/json","data":{"sku":"GX-1001"}}""".formatted(UUID.randomUUID()));
            assertThat(answer.statusCode()).withFailMessage("%s %s%n%s", answer.statusCode(), answer.body(), gateway.log()).isEqualTo(202);
        }
        await("the gateway retrying deliveries (the inbox answers 503)").atMost(Duration.ofSeconds(30))
                .until(() -> around.inboxes.findAll(anyRequestedFor(anyUrl())).size() >= 40);

        gateway.close();

        assertThat(gateway.log()).as("the gateway's output").contains("Shutdown completed");
        assertThat(ERROR_LINE.matcher(gateway.log()).results().map(match -> match.group()).toList())
                .withFailMessage("ERROR lines while stopping; the output:%n%s", gateway.log())
                .isEmpty();
    }

    private Path writeMaps() throws IOException {
        Path maps = Files.createDirectories(work.resolve("maps"));
        Files.writeString(maps.resolve("orders.yaml"), """
                contexts:
                  order:   {inbox: http://127.0.0.1:%1$d/order/events}
                  product: {inbox: http://127.0.0.1:%1$d/product/events}

                events:
                  - type: order.placed
                    from: order
                    deliver:
                      - to: product
                """.formatted(around.inboxes.port()), StandardCharsets.UTF_8);
        return maps;
    }
}
