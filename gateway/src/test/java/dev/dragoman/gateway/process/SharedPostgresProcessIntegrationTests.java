package dev.dragoman.gateway.process;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.dragoman.gateway.events.EventMaps;
import dev.dragoman.gateway.events.TestDatabases;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SPEC section 7 on the built jar: two gateway instances share one real PostgreSQL (started by
 * the test from Maven's binaries). A stream of sagas goes through both, alternately, as a load
 * balancer would send it: some complete, some fail after payment was captured, some run out of
 * time. Half way, one instance is killed with SIGKILL; the other finishes everything. Every saga
 * ends once, every compensation is sent once, and every copy is delivered.
 */
class SharedPostgresProcessIntegrationTests {

    private static final String ORDER_KEY = "shared-order-key";
    private static final String PRODUCT_KEY = "shared-product-key";
    private static final String PAYMENT_KEY = "shared-payment-key";
    private static final String ADMIN_KEY = "shared-admin-key";
    private static final int SAGAS = 30;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    private final InboxesAndGateways around = new InboxesAndGateways();
    private final WireMockServer inboxes = around.inboxes;

    @BeforeEach
    void inboxesAccept() {
        around.answering(202);
    }

    @AfterEach
    void stopEverything() {
        around.close();
    }

    @Test
    void twoInstancesOnOnePostgres_endEverySagaOnce_andCompensateOnce_evenWhenOneIsKilled() throws Exception {
        String database = TestDatabases.newPostgresDatabase();
        // the order saga of the example maps (EventMaps), every inbox on the one WireMock server
        Path maps = EventMaps.write(inboxes.port());
        GatewayProcess a = start(maps, database, "a.log");
        GatewayProcess b = start(maps, database, "b.log");

        List<String> sagas = new ArrayList<>();
        for (int n = 0; n < SAGAS; n++) {
            if (n == SAGAS / 2) {
                assertThat(a.kill()).as("instance a killed with SIGKILL").isEqualTo(128 + 9);
            }
            GatewayProcess gateway = n < SAGAS / 2 && n % 2 == 0 ? a : b;
            String saga = "saga-" + n + "-" + UUID.randomUUID();
            sagas.add(saga);
            accepted(gateway.post("/events", headers(ORDER_KEY), event(saga, saga, "/order-service", "order.placed",
                    "{\"items\":[{\"sku\":\"GX-1001\",\"quantity\":1}],\"amount\":" + (100 + n) + "}",
                    Instant.now().plusSeconds(8))));
            accepted(gateway.post("/events", headers(PAYMENT_KEY), report(saga, "/payment-service", "payment.captured",
                    "{\"amount\":" + (100 + n) + "}")));
            switch (n % 3) {
                case 0 -> accepted(gateway.post("/events", headers(PRODUCT_KEY), report(saga, "/product-service", "product.reserved",
                        "{\"items\":[{\"sku\":501}]}")));
                case 1 -> accepted(gateway.post("/events", headers(PRODUCT_KEY), report(saga, "/product-service", "product.out-of-stock",
                        "{\"items\":[{\"sku\":501}]}")));
                default -> { } // product stays silent: the deadline ends the saga
            }
        }

        await("every saga ended, and everything it sent delivered").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    for (String saga : sagas) {
                        JsonNode view = saga(b, saga);
                        assertThat(view.path("status").asString()).as(saga).isIn("completed", "aborted", "timed-out");
                        assertThat(statuses(view)).as("what %s sent", saga).containsOnly("delivered");
                    }
                });
        for (int n = 0; n < SAGAS; n++) {
            JsonNode view = saga(b, sagas.get(n));
            String expected = switch (n % 3) {
                case 0 -> "completed";
                case 1 -> "aborted";
                default -> "timed-out";
            };
            assertThat(view.path("status").asString()).as(sagas.get(n)).isEqualTo(expected);
            // A saga completes when the last receiver acknowledged its completed outcome (the deadline protocol).
            assertThat(timeline(view).stream().filter(what -> what.matches(".*saga (aborted|timed out)$")
                    || what.startsWith("confirmed: every receiver acknowledged")))
                    .as("%s ended once", sagas.get(n)).hasSize(1);
            assertThat(sent(view, "payment.refund")).as("refunds of %s", sagas.get(n)).isEqualTo(n % 3 == 0 ? 0 : 1);
            assertThat(sent(view, n % 3 == 0 ? "order.confirmed" : "order.cancelled")).as("outcomes of %s", sagas.get(n)).isEqualTo(3);
            // at least once on the wire (a copy in flight when its instance died is sent again), and
            // always the same event: one id, which the receiver deduplicates on
            assertThat(refundIdsReceived(sagas.get(n))).as("refunds %s's payment inbox received", sagas.get(n))
                    .hasSize(n % 3 == 0 ? 0 : 1);
        }
    }

    private GatewayProcess start(Path maps, String database, String log) {
        GatewayProcess gateway = GatewayProcess.start(work, work.resolve(log), Map.of(),
                "--dragoman.context-maps=" + maps,
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres",
                "--dragoman.callers.order.api-keys=" + ORDER_KEY,
                "--dragoman.callers.product.api-keys=" + PRODUCT_KEY,
                "--dragoman.callers.payment.api-keys=" + PAYMENT_KEY,
                "--dragoman.admin.api-keys=" + ADMIN_KEY,
                "--dragoman.events.delivery.timeout=1s",
                "--dragoman.events.delivery.lease=2s",
                "--dragoman.events.delivery.poll-interval=100ms",
                "--dragoman.reload.watch=false");
        return around.started(gateway);
    }

    private static Map<String, String> headers(String key) {
        return Map.of("X-Api-Key", key, "Content-Type", "application/cloudevents+json");
    }

    private static String event(String id, String saga, String source, String type, String data, Instant deadline) {
        return """
                {"specversion":"1.0","id":"%s","source":"%s","type":"%s","sagaid":"%s","deadline":"%s",
                 "datacontenttype":"application/json","data":%s}""".formatted(id, source, type, saga, deadline, data);
    }

    private static String report(String saga, String source, String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"%s","type":"%s","sagaid":"%s","datacontenttype":"application/json","data":%s}"""
                .formatted(UUID.randomUUID(), source, type, saga, data);
    }

    private void accepted(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).withFailMessage(() -> answer.statusCode() + " " + answer.body() + "\n" + around.logs()).isEqualTo(202);
    }

    private static JsonNode saga(GatewayProcess gateway, String saga) throws IOException {
        HttpResponse<String> view = gateway.get("/admin/sagas/" + saga, Map.of("X-Api-Key", ADMIN_KEY));
        assertThat(view.statusCode()).withFailMessage("%s: %s", saga, view.body()).isEqualTo(200);
        return JSON.readTree(view.body());
    }

    private static List<String> statuses(JsonNode view) {
        return StreamSupport.stream(view.path("sent").spliterator(), false).map(s -> s.path("status").asString()).toList();
    }

    private static List<String> timeline(JsonNode view) {
        return StreamSupport.stream(view.path("timeline").spliterator(), false).map(e -> e.path("what").asString()).toList();
    }

    private static long sent(JsonNode view, String type) {
        return StreamSupport.stream(view.path("sent").spliterator(), false).filter(s -> type.equals(s.path("type").asString())).count();
    }

    private Set<String> refundIdsReceived(String saga) {
        return inboxes.findAll(postRequestedFor(urlEqualTo("/payment/events"))).stream()
                .map(request -> JSON.readTree(request.getBodyAsString()))
                .filter(e -> "payment.refund".equals(e.path("type").asString()) && saga.equals(e.path("sagaid").asString()))
                .map(e -> e.path("id").asString())
                .collect(Collectors.toSet());
    }
}
