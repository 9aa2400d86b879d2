package dev.dragoman.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dragoman.kit.saga.SagaStepStore;
import dev.dragoman.kit.saga.SagaStepStore.Status;
import dev.dragoman.kit.testservice.GatewayStandIn;
import dev.dragoman.kit.testservice.MovableClock;
import dev.dragoman.kit.testservice.SagaService;
import dev.dragoman.kit.testservice.SagaService.Orders;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A department's saga step and its initiated saga through the kit: Dragoman's copies posted to the
 * inbox over real HTTP, reports relayed to a real HTTP stand-in for the gateway, a real H2, and a
 * clock the tests move past the deadline while the watchdog runs on its own thread.
 */
@SpringBootTest(classes = SagaService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=payment-service",
        "spring.datasource.url=jdbc:h2:mem:kit-saga-tests;DB_CLOSE_DELAY=-1",
        "dragoman.kit.api-key=demo-payment-key",
        "dragoman.kit.relay.interval=20ms",
        "dragoman.kit.watchdog.interval=20ms"})
@ExtendWith(OutputCaptureExtension.class)
class SagaStepTests {

    static final GatewayStandIn GATEWAY = new GatewayStandIn();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String SAGAS = "/dragoman/sagas/order-placement";
    /** dragoman.kit.clock-skew-allowance by default: every deadline of the service is read this much later. */
    private static final Duration ALLOWANCE = Duration.ofSeconds(2);

    static {
        GATEWAY.start();
    }

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("dragoman.kit.gateway-url", GATEWAY::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper mapper;

    @Autowired
    SagaStepStore steps;

    @Autowired
    Orders orders;

    @Test
    void aCompletedStepPublishesItsReportWithTheSagaIdAndTheSagasDeadline() throws Exception {
        String saga = saga();
        Instant deadline = clock.instant().plusSeconds(600);

        assertThat(request(saga, 10000, deadline).statusCode()).isEqualTo(200);

        CloudEvent report = await().until(() -> report(saga, "payment.captured"), Optional::isPresent).orElseThrow();
        assertThat(report.getExtension("sagaid")).isEqualTo(saga);
        assertThat(Instant.parse(report.getExtension("deadline").toString())).isEqualTo(deadline);
        assertThat(mapper.readTree(report.getData().toBytes()).get("amount").asLong()).isEqualTo(10000);
        assertThat(ledger("capture", saga)).containsExactly(10000L);
        assertThat(steps.find(saga, "payment.requested").orElseThrow().status()).isEqualTo(Status.COMPLETED);
        assertThat(steps.find(saga, "payment.requested").orElseThrow().deadline()).isEqualTo(deadline);
    }

    @Test
    void aFailedStepPublishesTheFailedReportAndIsNeverRolledBack() throws Exception {
        String saga = saga();
        Instant deadline = clock.instant().plusSeconds(5);

        assertThat(request(saga, SagaService.LIMIT + 1, deadline).statusCode()).isEqualTo(200);

        CloudEvent report = await().until(() -> report(saga, "payment.declined"), Optional::isPresent).orElseThrow();
        assertThat(report.getExtension("sagaid")).isEqualTo(saga);
        assertThat(Instant.parse(report.getExtension("deadline").toString())).isEqualTo(deadline);
        assertThat(mapper.readTree(report.getData().toBytes()).get("reason").asString()).contains("over the limit");
        assertThat(report(saga, "payment.captured")).isEmpty();
        assertThat(steps.find(saga, "payment.requested").orElseThrow().status()).isEqualTo(Status.FAILED);

        String witness = completedStep(10, deadline);
        clock.advance(Duration.ofSeconds(6).plus(ALLOWANCE));
        await().until(() -> status(witness) == Status.COMPENSATED);
        assertThat(steps.find(saga, "payment.requested").orElseThrow().status()).isEqualTo(Status.FAILED);
        assertThat(ledger("refund", saga)).isEmpty();
    }

    @Test
    void aConfirmedOutcomeBeforeTheDeadlineKeepsTheStepWhenTheClockPassesIt() throws Exception {
        Instant deadline = clock.instant().plusSeconds(5);
        String saga = completedStep(10000, deadline);

        assertThat(outcome(saga, "order.confirmed", deadline).statusCode()).isEqualTo(200);
        assertThat(status(saga)).isEqualTo(Status.CONFIRMED);

        // A step of another saga with the same deadline, unconfirmed: once the watchdog has rolled it back, it has seen both.
        String witness = completedStep(20, deadline);
        clock.advance(Duration.ofSeconds(6).plus(ALLOWANCE));
        await().until(() -> status(witness) == Status.COMPENSATED);
        assertThat(status(saga)).isEqualTo(Status.CONFIRMED);
        assertThat(ledger("refund", saga)).isEmpty();
    }

    @Test
    void withoutConfirmationByTheDeadlineTheStepIsCompensatedOnceWithTheNegatedDeltaAndOneLogLine(CapturedOutput output) throws Exception {
        Instant deadline = clock.instant().plusSeconds(5);
        String saga = completedStep(10000, deadline);

        clock.advance(Duration.ofSeconds(4));
        String early = completedStep(30, clock.instant().plusSeconds(60));
        assertThat(status(saga)).isEqualTo(Status.COMPLETED);

        clock.advance(Duration.ofSeconds(1).plus(ALLOWANCE));
        await().until(() -> status(saga) == Status.COMPENSATED);
        assertThat(ledger("refund", saga)).containsExactly(-10000L);
        assertThat(steps.find(saga, "payment.requested").orElseThrow().compensatedAt()).isEqualTo(clock.instant());
        assertThat(status(early)).isEqualTo(Status.COMPLETED);
        List<String> lines = output.getOut().lines().filter(line -> line.contains(saga) && line.contains("rolled back")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("Dragoman saga " + saga + ", step payment.requested, deadline " + deadline
                + ": rolled back on its own: no confirmation by the deadline");
    }

    @Test
    void aConfirmedOutcomeAfterTheRollbackIsRefusedWith409AndALateCancelOrCompensationIsANoOp() throws Exception {
        Instant deadline = clock.instant().plusSeconds(5);
        String saga = completedStep(10000, deadline);
        clock.advance(Duration.ofSeconds(5).plus(ALLOWANCE));
        await().until(() -> status(saga) == Status.COMPENSATED);

        HttpResponse<String> confirmed = outcome(saga, "order.confirmed", deadline);
        assertThat(confirmed.statusCode()).isEqualTo(409);
        assertThat(confirmed.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = mapper.readTree(confirmed.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://dragoman.dev/problems/saga-step-rolled-back");
        assertThat(problem.get("detail").asString()).contains(saga).contains("deadline " + deadline);
        assertThat(outcome(saga, "order.confirmed", deadline).statusCode()).as("the same copy again").isEqualTo(409);

        assertThat(outcome(saga, "order.cancelled", deadline).statusCode()).isEqualTo(200);
        assertThat(compensation(saga, -10000, deadline).statusCode()).isEqualTo(200);
        assertThat(ledger("refund", saga)).containsExactly(-10000L);
        assertThat(status(saga)).isEqualTo(Status.COMPENSATED);
    }

    @Test
    void aConfirmedOutcomeAtTheDeadlinePlusTheAllowanceIsRefusedAndTheStepRollsBackOnce() throws Exception {
        Instant deadline = clock.instant().plusSeconds(5);
        String saga = completedStep(10000, deadline);
        // The watchdog may or may not have come round: either way the answer is 409 and the step ends rolled back once.
        clock.advance(Duration.ofSeconds(5).plus(ALLOWANCE));

        assertThat(outcome(saga, "order.confirmed", deadline).statusCode()).isEqualTo(409);
        await().until(() -> status(saga) == Status.COMPENSATED);
        assertThat(ledger("refund", saga)).containsExactly(-10000L);
    }

    @Test
    void aCompensationCopyBeforeTheDeadlineIsAppliedOnceEvenWhenDeliveredTwice() throws Exception {
        Instant deadline = clock.instant().plusSeconds(5);
        String saga = completedStep(10000, deadline);
        String copy = compensationCopy(saga, -10000, deadline);

        assertThat(post(copy).statusCode()).isEqualTo(200);
        HttpResponse<String> again = post(copy);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(again.body()).get("result").asString()).isEqualTo("duplicate");
        assertThat(ledger("refund", saga)).containsExactly(-10000L);
        assertThat(status(saga)).isEqualTo(Status.COMPENSATED);

        // The cancelled outcome that comes with it, and the deadline passing, change nothing.
        assertThat(outcome(saga, "order.cancelled", deadline).statusCode()).isEqualTo(200);
        String witness = completedStep(40, deadline);
        clock.advance(Duration.ofSeconds(6).plus(ALLOWANCE));
        await().until(() -> status(witness) == Status.COMPENSATED);
        assertThat(ledger("refund", saga)).containsExactly(-10000L);
    }

    @Test
    void aCancelledOutcomeBeforeTheDeadlineRollsTheStepBackOnceWithTheNegatedDelta() throws Exception {
        Instant deadline = clock.instant().plusSeconds(5);
        String saga = completedStep(2500, deadline);

        assertThat(outcome(saga, "order.cancelled", deadline).statusCode()).isEqualTo(200);
        assertThat(ledger("refund", saga)).containsExactly(-2500L);
        assertThat(compensation(saga, -2500, deadline).statusCode()).isEqualTo(200);
        assertThat(ledger("refund", saga)).containsExactly(-2500L);
    }

    @Test
    void aRequestAfterTheSagaWasCancelledDoesNotRunTheStep() throws Exception {
        String saga = saga();
        Instant deadline = clock.instant().plusSeconds(5);

        assertThat(outcome(saga, "order.cancelled", deadline).statusCode()).isEqualTo(200);
        assertThat(request(saga, 700, deadline).statusCode()).isEqualTo(200);

        assertThat(ledger("capture", saga)).isEmpty();
        assertThat(status(saga)).isEqualTo(Status.COMPENSATED);
    }

    @Test
    void theInitiatorsOrderIsCancelledOnItsOwnOnceWhenTheDeadlinePassesWithoutConfirmation(CapturedOutput output) throws Exception {
        Instant deadline = clock.instant().plusSeconds(5);
        String saga = orders.place(10000, deadline);
        String kept = orders.place(20000, deadline);

        CloudEvent start = await().until(() -> sent(saga, "order.placed"), Optional::isPresent).orElseThrow();
        assertThat(start.getId()).isEqualTo(saga);
        assertThat(Instant.parse(start.getExtension("deadline").toString())).isEqualTo(deadline);
        assertThat(outcome(kept, "order.confirmed", deadline).statusCode()).isEqualTo(200);
        assertThat(ledger("order-confirmed", kept)).containsExactly(20000L);

        clock.advance(Duration.ofSeconds(5).plus(ALLOWANCE));
        await().until(() -> initiator(saga) == Status.COMPENSATED);
        assertThat(ledger("order-cancelled", saga)).containsExactly(10000L);
        assertThat(ledger("order-cancelled", kept)).isEmpty();
        assertThat(initiator(kept)).isEqualTo(Status.CONFIRMED);
        assertThat(output.getOut().lines().filter(line -> line.contains(saga) && line.contains("no confirmation by the deadline")))
                .hasSize(1);

        assertThat(outcome(saga, "order.confirmed", deadline).statusCode()).isEqualTo(409);
        assertThat(outcome(saga, "order.cancelled", deadline).statusCode()).isEqualTo(200);
        assertThat(ledger("order-cancelled", saga)).containsExactly(10000L);
    }

    @Test
    void aConfirmedOutcomeInsideTheClockSkewAllowanceKeepsTheStep() throws Exception {
        Instant deadline = clock.instant().plusSeconds(5);
        String saga = completedStep(10000, deadline);
        // Dragoman sends confirmed until its own deadline; this service's clock runs a second ahead of it.
        clock.advance(Duration.ofSeconds(6));

        assertThat(post(copy(saga + "/order.confirmed", SAGAS, "order.confirmed", saga, deadline, deadline, "{}")).statusCode())
                .isEqualTo(200);
        assertThat(status(saga)).isEqualTo(Status.CONFIRMED);

        String witness = completedStep(20, deadline);
        clock.advance(ALLOWANCE);
        await().until(() -> status(witness) == Status.COMPENSATED);
        assertThat(status(saga)).isEqualTo(Status.CONFIRMED);
        assertThat(ledger("refund", saga)).isEmpty();
    }

    @Test
    void aStepRequestRunsInsideTheAllowanceAfterItsExpirytimeAndIsRefusedWith410AtExpirytimePlusTheAllowance() throws Exception {
        Instant deadline = clock.instant().plusSeconds(5);
        clock.advance(Duration.ofSeconds(6));
        String inside = completedStep(300, deadline);
        assertThat(ledger("capture", inside)).containsExactly(300L);

        clock.advance(Duration.ofSeconds(1));
        String late = saga();
        HttpResponse<String> refused = request(late, 400, deadline);
        assertThat(refused.statusCode()).isEqualTo(410);
        assertThat(mapper.readTree(refused.body()).get("type").asString()).isEqualTo("https://dragoman.dev/problems/copy-expired");
        assertThat(mapper.readTree(refused.body()).get("detail").asString()).contains("expired at " + deadline);
        assertThat(ledger("capture", late)).isEmpty();
        assertThat(status(late)).isNull();
    }

    @Test
    void aCompensationOrACancelledOutcomePastItsExpirytimeIsStillAppliedOnce() throws Exception {
        Instant deadline = clock.instant().plusSeconds(600);
        Instant expired = clock.instant().minusSeconds(60);
        String compensated = completedStep(1200, deadline);
        String cancelled = completedStep(1300, deadline);
        String never = saga();

        String compensation = copy(compensated + "/payment.refund/payment", SAGAS, "payment.refund", compensated, deadline, expired,
                "{\"order\":\"" + compensated + "\",\"amount\":-1200}");
        assertThat(post(compensation).statusCode()).isEqualTo(200);
        assertThat(post(compensation).statusCode()).isEqualTo(200);
        assertThat(post(copy(cancelled + "/order.cancelled", SAGAS, "order.cancelled", cancelled, deadline, expired, "{}")).statusCode())
                .isEqualTo(200);
        assertThat(post(copy(never + "/order.cancelled", SAGAS, "order.cancelled", never, deadline, expired, "{}")).statusCode())
                .isEqualTo(200);

        assertThat(ledger("refund", compensated)).containsExactly(-1200L);
        assertThat(ledger("refund", cancelled)).containsExactly(-1300L);
        assertThat(status(compensated)).isEqualTo(Status.COMPENSATED);
        assertThat(status(cancelled)).isEqualTo(Status.COMPENSATED);
        assertThat(status(never)).as("remembered, so that its request does not run").isEqualTo(Status.COMPENSATED);
    }

    @Test
    void aConfirmedStepIsRolledBackOnceWhenTheSagaTurnsAbortedAfterAll() throws Exception {
        // Presumed abort: Dragoman did not get every acknowledgement of confirmed by its deadline, so it aborts.
        Instant deadline = clock.instant().plusSeconds(5);
        String byCompensation = completedStep(1400, deadline);
        String byCancelled = completedStep(1500, deadline);
        assertThat(outcome(byCompensation, "order.confirmed", deadline).statusCode()).isEqualTo(200);
        assertThat(outcome(byCancelled, "order.confirmed", deadline).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(5).plus(ALLOWANCE));

        assertThat(compensation(byCompensation, -1400, deadline).statusCode()).isEqualTo(200);
        assertThat(outcome(byCompensation, "order.cancelled", deadline).statusCode()).isEqualTo(200);
        assertThat(outcome(byCancelled, "order.cancelled", deadline).statusCode()).isEqualTo(200);
        assertThat(compensation(byCancelled, -1500, deadline).statusCode()).isEqualTo(200);

        assertThat(ledger("refund", byCompensation)).containsExactly(-1400L);
        assertThat(ledger("refund", byCancelled)).containsExactly(-1500L);
        assertThat(status(byCompensation)).isEqualTo(Status.COMPENSATED);
        assertThat(status(byCancelled)).isEqualTo(Status.COMPENSATED);
    }

    @Test
    void theInitiatorsConfirmedOrderIsCancelledOnceWhenTheSagaTurnsAbortedAfterAll() throws Exception {
        Instant deadline = clock.instant().plusSeconds(5);
        String saga = orders.place(8000, deadline);
        assertThat(outcome(saga, "order.confirmed", deadline).statusCode()).isEqualTo(200);
        assertThat(ledger("order-confirmed", saga)).containsExactly(8000L);

        assertThat(outcome(saga, "order.cancelled", deadline).statusCode()).isEqualTo(200);
        assertThat(outcome(saga, "order.cancelled", deadline).statusCode()).isEqualTo(200);

        assertThat(ledger("order-cancelled", saga)).containsExactly(8000L);
        assertThat(initiator(saga)).isEqualTo(Status.COMPENSATED);
    }

    // --- the service's side, through its inbox

    private String completedStep(long amount, Instant deadline) throws Exception {
        String saga = saga();
        assertThat(request(saga, amount, deadline).statusCode()).isEqualTo(200);
        assertThat(status(saga)).isEqualTo(Status.COMPLETED);
        return saga;
    }

    private HttpResponse<String> request(String saga, long amount, Instant deadline) throws Exception {
        return post(copy(UUID.randomUUID().toString(), "/order-service", "payment.requested", saga, deadline, deadline,
                "{\"order\":\"" + saga + "\",\"amount\":" + amount + "}"));
    }

    private HttpResponse<String> outcome(String saga, String type, Instant deadline) throws Exception {
        return post(copy(saga + "/" + type, SAGAS, type, saga, deadline, deadline.plusSeconds(86400), "{\"amount\":1}"));
    }

    private HttpResponse<String> compensation(String saga, long amount, Instant deadline) throws Exception {
        return post(compensationCopy(saga, amount, deadline));
    }

    private String compensationCopy(String saga, long amount, Instant deadline) {
        return copy(saga + "/payment.refund/payment", SAGAS, "payment.refund", saga, deadline, deadline.plusSeconds(86400),
                "{\"order\":\"" + saga + "\",\"amount\":" + amount + "}");
    }

    private static String copy(String id, String source, String type, String saga, Instant deadline, Instant expiry, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"type\":\"" + type + "\","
                + "\"datacontenttype\":\"application/json\",\"sagaid\":\"" + saga + "\",\"expirytime\":\"" + expiry + "\","
                + "\"deadline\":\"" + deadline + "\",\"data\":" + data + "}";
    }

    private HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dragoman/inbox")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/cloudevents+json; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // --- what the service stored and sent

    private static String saga() {
        return "order-" + UUID.randomUUID();
    }

    private Status status(String saga) {
        return steps.find(saga, "payment.requested").map(SagaStepStore.StepRow::status).orElse(null);
    }

    private Status initiator(String saga) {
        return steps.find(saga, "order.placed").map(SagaStepStore.StepRow::status).orElse(null);
    }

    private List<Long> ledger(String kind, String reference) {
        return jdbc.sql("SELECT amount FROM ledger WHERE kind = ? AND reference = ?").params(kind, reference).query(Long.class).list();
    }

    private static Optional<CloudEvent> report(String saga, String type) {
        return GATEWAY.requests().stream().map(r -> new JsonFormat().deserialize(r.body().getBytes(StandardCharsets.UTF_8)))
                .filter(event -> type.equals(event.getType()) && saga.equals(event.getExtension("sagaid"))).findFirst();
    }

    private static Optional<CloudEvent> sent(String id, String type) {
        return GATEWAY.requests().stream().map(r -> new JsonFormat().deserialize(r.body().getBytes(StandardCharsets.UTF_8)))
                .filter(event -> type.equals(event.getType()) && id.equals(event.getId())).findFirst();
    }
}
