package dev.dragoman.departments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The story the product was born from (issue 14), on real processes: the production gateway jar with the example
 * map of the order saga (context-maps/orders.yaml), and the order, payment and product departments of this module's
 * jar, each its own process with its own H2 file database, all over real HTTP. Product is cut off by stopping the
 * gateway (SIGKILL) while it still decides; at the deadline every department rolls back on its own, and the gateway,
 * started again, has nothing applied twice. The happy path and an abort run first, on the same processes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutageStoryProcessIntegrationTests {

    /** Short, so the test waits for it twice; long enough for the copies and reports to go round on a loaded machine. */
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final Duration AFTER_THE_DEADLINE = Duration.ofSeconds(45);
    private static final String ADMIN_KEY = "outage-story-admin-key";
    private static final String ORDER = """
            {"items":[{"sku":"GX-1001","quantity":2},{"sku":"GX-1003","quantity":1}],"amount":10000}""";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path work;

    private final int gatewayPort = JarProcess.freePort();
    private final int orderPort = JarProcess.freePort();
    private final int productPort = JarProcess.freePort();
    private final int paymentPort = JarProcess.freePort();
    private final List<JarProcess> started = new ArrayList<>();
    private JarProcess gateway;
    private JarProcess order;
    private JarProcess product;
    private JarProcess payment;

    @BeforeAll
    void startTheGatewayAndTheDepartments() throws IOException {
        Path maps = Files.createDirectories(work.resolve("maps"));
        Files.copy(Path.of(System.getProperty("dragoman.example-maps"), "orders.yaml"), maps.resolve("orders.yaml"));
        // All four start at once: their startups overlap, the slowest decides.
        gateway = startGateway();
        order = department("order", orderPort, "--demo.order.deadline=" + DEADLINE);
        product = department("product", productPort);
        payment = department("payment", paymentPort);
        Stream.of(gateway, order, product, payment).forEach(JarProcess::awaitHealthy);
    }

    @AfterAll
    void stopEverything() {
        started.forEach(JarProcess::close);
    }

    @Test
    @Order(1)
    void allUp_theSagaEndsConfirmed_andTheCaptureStays() throws IOException {
        assertThat(product.put("/warehouse", "text/plain", "in-stock").statusCode()).isEqualTo(200);

        JsonNode placed = place();
        String saga = placed.get("id").asString();
        Instant deadline = Instant.parse(placed.get("deadline").asString());

        await("the order confirmed").atMost(DEADLINE).untilAsserted(() -> assertThat(orderStatus(saga)).isEqualTo("confirmed"));
        await("every outcome copy delivered").atMost(DEADLINE).untilAsserted(() -> {
            JsonNode view = sagaView(saga);
            assertThat(view.get("status").asString()).isEqualTo("completed");
            assertThat(sent(view, "outcome")).extracting(copy -> copy.get("status").asString())
                    .hasSize(3).containsOnly("delivered");
        });
        assertThat(ledger(saga)).containsExactly(10000L);
        assertThat(reservation(saga).get("status").asString()).isEqualTo("reserved");
        // The confirmed steps outlive their deadline: the watchdogs pass over them.
        await("the deadline and two watchdog passes after it").during(untilAfter(deadline.plusSeconds(2)))
                .atMost(DEADLINE.plusSeconds(10)).untilAsserted(() -> {
                    assertThat(ledger(saga)).containsExactly(10000L);
                    assertThat(orderStatus(saga)).isEqualTo("confirmed");
                });
        assertThat(payment.log()).doesNotContain("Payment: saga " + saga + ": refunded");
    }

    @Test
    @Order(2)
    void productOutOfStock_theSagaAborts_andPaymentRefundsOnce_thoughTheOutcomeAndTheRefundBothCome() throws IOException {
        assertThat(product.put("/warehouse", "text/plain", "out-of-stock").statusCode()).isEqualTo(200);

        String saga = place().get("id").asString();

        await("the saga aborted, and its outcome and refund delivered").atMost(DEADLINE).untilAsserted(() -> {
            JsonNode view = sagaView(saga);
            assertThat(view.get("status").asString()).isEqualTo("aborted");
            assertThat(participant(view, "payment").get("compensated").asBoolean()).isTrue();
            assertThat(sent(view, "outcome")).extracting(copy -> copy.get("status").asString()).hasSize(3).containsOnly("delivered");
            assertThat(sent(view, "compensation")).extracting(copy -> copy.get("status").asString()).containsExactly("delivered");
        });
        assertThat(ledger(saga)).containsExactly(10000L, -10000L);
        assertThat(orderStatus(saga)).isEqualTo("cancelled");
        assertThat(reservation(saga).get("status").asString()).isEqualTo("out-of-stock");
        assertThat(lines(payment.log(), "Payment: saga " + saga + ": refunded")).singleElement().asString()
                .endsWith("refunded -10000 (the saga was cancelled)");
        assertThat(lines(order.log(), "Order " + saga + ": cancelled")).singleElement().asString().endsWith("cancelled (order.cancelled came)");
    }

    @Test
    @Order(3)
    void productCutOff_everyoneRollsBackAtTheDeadline_andTheGatewayBackAppliesNothingTwice() throws IOException {
        assertThat(product.put("/warehouse", "text/plain", "ask").statusCode()).isEqualTo(200);

        JsonNode placed = place();
        String saga = placed.get("id").asString();
        Instant deadline = Instant.parse(placed.get("deadline").asString());

        await("payment's capture reported to the gateway, product deciding").atMost(DEADLINE).untilAsserted(() -> {
            assertThat(participant(sagaView(saga), "payment").get("status").asString()).isEqualTo("completed");
            assertThat(product.get("/warehouse").body()).contains(saga);
        });
        assertThat(ledger(saga)).containsExactly(10000L);

        gateway.kill();
        HttpResponse<String> answered = product.post("/warehouse/waiting/" + saga, "text/plain", "out-of-stock");
        assertThat(answered.statusCode()).withFailMessage("%s %s", answered.statusCode(), answered.body()).isEqualTo(202);

        await("payment refunded, order cancelled, product's step cancelled, each on its own")
                .atMost(untilAfter(deadline).plus(AFTER_THE_DEADLINE)).untilAsserted(() -> {
                    assertThat(ledger(saga)).containsExactly(10000L, -10000L);
                    assertThat(orderStatus(saga)).isEqualTo("cancelled");
                    assertThat(reservation(saga).get("status").asString()).isEqualTo("cancelled");
                });
        assertThat(Instant.parse(ledgerEntries(saga).get(1).get("at").asString())).as("when the refund was booked").isAfterOrEqualTo(deadline);
        assertThat(Instant.parse(order.get("/orders/" + saga).body().transform(this::read).get("endedAt").asString()))
                .as("when the order was cancelled").isAfterOrEqualTo(deadline);
        assertThat(lines(payment.log(), "Payment: saga " + saga + ": refunded -10000 on its own: no order.confirmed by the deadline")).hasSize(1);
        assertThat(lines(order.log(), "Order " + saga + ": cancelled on its own: no order.confirmed by the deadline")).hasSize(1);
        assertThat(lines(product.log(), "Product: saga " + saga + ": the product.out-of-stock report never reached Dragoman (EXPIRED after"))
                .singleElement().asString().contains("step cancelled");
        assertThat(lines(product.log(), "(product.out-of-stock, saga " + saga + ") expired unsent")).hasSize(1);

        gateway = startGateway().awaitHealthy();

        await("the gateway's own cancellation and refund delivered").atMost(AFTER_THE_DEADLINE).untilAsserted(() -> {
            JsonNode view = sagaView(saga);
            assertThat(view.get("status").asString()).isEqualTo("timed-out");
            assertThat(participant(view, "payment").get("compensated").asBoolean()).isTrue();
            assertThat(sent(view, "outcome")).extracting(copy -> copy.get("receiver").asString() + " " + copy.get("status").asString())
                    .containsExactlyInAnyOrder("order delivered", "product delivered", "payment delivered");
            assertThat(sent(view, "compensation")).extracting(copy -> copy.get("receiver").asString() + " " + copy.get("status").asString())
                    .containsExactly("payment delivered");
        });
        assertThat(ledger(saga)).as("payment's ledger for the saga, after the gateway's refund came too").containsExactly(10000L, -10000L);
        assertThat(orderStatus(saga)).isEqualTo("cancelled");
        assertThat(reservation(saga).get("status").asString()).isEqualTo("cancelled");
        assertThat(lines(payment.log(), "Payment: saga " + saga + ": refunded")).hasSize(1);
        assertThat(lines(order.log(), "Order " + saga + ": cancelled")).hasSize(1);
    }

    private static Duration untilAfter(Instant instant) {
        Duration left = Duration.between(Instant.now(), instant);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private JarProcess startGateway() {
        return started(JarProcess.start("gateway", JarProcess.jar("dragoman.gateway.jar"), gatewayPort, work, List.of(
                "--dragoman.context-maps=" + work.resolve("maps"),
                "--dragoman.data-dir=" + work.resolve("gateway-data"),
                "--dragoman.callers.order.api-keys=demo-order-key",
                "--dragoman.callers.product.api-keys=demo-product-key",
                "--dragoman.callers.payment.api-keys=demo-payment-key",
                "--dragoman.admin.api-keys=" + ADMIN_KEY,
                "--dragoman.overrides.inboxes.order=http://127.0.0.1:" + orderPort + "/events",
                "--dragoman.overrides.inboxes.product=http://127.0.0.1:" + productPort + "/events",
                "--dragoman.overrides.inboxes.payment=http://127.0.0.1:" + paymentPort + "/events",
                // Nobody listens: shipping's copies are retried until the deadline, as the story does not need it.
                "--dragoman.overrides.inboxes.shipping=http://127.0.0.1:" + JarProcess.freePort() + "/events",
                // Product's warehouse holds the copy's request until it answers: a shorter timeout would send the
                // copy again while the first is still being handled.
                "--dragoman.events.delivery.timeout=1m",
                "--dragoman.events.delivery.lease=2m",
                "--dragoman.events.delivery.poll-interval=100ms")));
    }

    private JarProcess department(String name, int port, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=" + name,
                "--demo.data-dir=" + work.resolve("departments"),
                "--dragoman.kit.gateway-url=http://127.0.0.1:" + gatewayPort));
        arguments.addAll(List.of(more));
        return started(JarProcess.start(name, JarProcess.jar("dragoman.departments.jar"), port, work, arguments));
    }

    private JarProcess started(JarProcess process) {
        started.add(process);
        return process;
    }

    private JsonNode place() throws IOException {
        HttpResponse<String> placed = order.post("/orders", "application/json", ORDER);
        assertThat(placed.statusCode()).withFailMessage("%s %s%n%s", placed.statusCode(), placed.body(), order.log()).isEqualTo(201);
        return read(placed.body());
    }

    private String orderStatus(String saga) throws IOException {
        return read(order.get("/orders/" + saga).body()).get("status").asString();
    }

    private List<Long> ledger(String saga) throws IOException {
        return ledgerEntries(saga).stream().map(entry -> entry.get("amount").asLong()).toList();
    }

    private List<JsonNode> ledgerEntries(String saga) throws IOException {
        return elements(read(payment.get("/ledger").body()).get("entries")).filter(entry -> entry.get("sagaId").asString().equals(saga))
                .toList();
    }

    private JsonNode reservation(String saga) throws IOException {
        return elements(read(product.get("/reservations").body())).filter(entry -> entry.get("sagaId").asString().equals(saga))
                .findFirst().orElseThrow(() -> new AssertionError("product has no reservation for saga " + saga));
    }

    private JsonNode sagaView(String saga) throws IOException {
        HttpResponse<String> view = gateway.get("/admin/sagas/" + saga, "X-Api-Key", ADMIN_KEY);
        assertThat(view.statusCode()).withFailMessage("%s %s", view.statusCode(), view.body()).isEqualTo(200);
        return read(view.body());
    }

    private static JsonNode participant(JsonNode sagaView, String context) {
        return elements(sagaView.get("participants")).filter(p -> p.get("context").asString().equals(context)).findFirst().orElseThrow();
    }

    private static List<JsonNode> sent(JsonNode sagaView, String kind) {
        return elements(sagaView.get("sent")).filter(copy -> copy.get("kind").asString().equals(kind)).toList();
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private JsonNode read(String json) {
        return JSON.readTree(json);
    }

    private static List<String> lines(String log, String containing) {
        List<String> found = new ArrayList<>();
        Matcher line = Pattern.compile("(?m)^.*$").matcher(log);
        while (line.find()) {
            if (line.group().contains(containing)) {
                found.add(line.group());
            }
        }
        return found;
    }
}
