package dev.dragoman.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dragoman.kit.saga.SagaStepStore;
import dev.dragoman.kit.saga.SagaStepStore.Status;
import dev.dragoman.kit.testservice.GatewayStandIn;
import dev.dragoman.kit.testservice.MovableClock;
import dev.dragoman.kit.testservice.PaymentService;
import dev.dragoman.kit.testservice.SagaService;
import dev.dragoman.kit.testservice.SagaService.Orders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The watchdog's memory is the service's database: a step completed before a restart is rolled
 * back at its deadline by the next process, once, and a confirmation that comes after that is still
 * refused. Each "process" is a new application context on the same H2 file database, and its clock
 * starts again at {@link PaymentService#START}, so the third process reads the deadline as not yet come.
 * Each moves its clock 7 s: past the 5 s deadline plus the default clock-skew allowance of 2 s.
 */
class SagaRestartTests {

    private static final GatewayStandIn GATEWAY = new GatewayStandIn();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String DATABASE = "jdbc:h2:file:" + Path.of("target", "kit-restart-" + UUID.randomUUID()).toAbsolutePath();

    static {
        GATEWAY.start();
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop();
    }

    @Test
    void aRestartedServiceRollsBackAtTheDeadlineWhatTheFormerProcessCompletedAndRemembersItDid() throws Exception {
        String saga = "order-" + UUID.randomUUID();
        Instant deadline = PaymentService.START.plusSeconds(5);
        String order;

        try (ConfigurableApplicationContext first = start()) {
            assertThat(post(first, copy(UUID.randomUUID().toString(), "/order-service", "payment.requested", saga, deadline, deadline,
                    "{\"order\":\"" + saga + "\",\"amount\":10000}")).statusCode()).isEqualTo(200);
            order = first.getBean(Orders.class).place(7000, deadline);
            assertThat(status(first, saga, "payment.requested")).isEqualTo(Status.COMPLETED);
        }

        try (ConfigurableApplicationContext second = start()) {
            second.getBean(MovableClock.class).advance(Duration.ofSeconds(7));
            await().until(() -> status(second, saga, "payment.requested") == Status.COMPENSATED
                    && status(second, order, "order.placed") == Status.COMPENSATED);
            assertThat(ledger(second, "refund", saga)).containsExactly(-10000L);
            assertThat(ledger(second, "order-cancelled", order)).containsExactly(7000L);
        }

        try (ConfigurableApplicationContext third = start()) {
            assertThat(post(third, copy(saga + "/order.confirmed", "/dragoman/sagas/order-placement", "order.confirmed", saga, deadline,
                    deadline.plusSeconds(86400), "{}")).statusCode()).isEqualTo(409);
            String witness = "order-" + UUID.randomUUID();
            assertThat(post(third, copy(UUID.randomUUID().toString(), "/order-service", "payment.requested", witness, deadline, deadline,
                    "{\"order\":\"" + witness + "\",\"amount\":1}")).statusCode()).isEqualTo(200);
            third.getBean(MovableClock.class).advance(Duration.ofSeconds(7));
            await().until(() -> status(third, witness, "payment.requested") == Status.COMPENSATED);
            assertThat(ledger(third, "refund", saga)).containsExactly(-10000L);
            assertThat(ledger(third, "order-cancelled", order)).containsExactly(7000L);
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SagaService.class).run(
                "--server.port=0",
                "--spring.application.name=payment-service",
                "--spring.datasource.url=" + DATABASE,
                "--dragoman.kit.gateway-url=" + GATEWAY.url(),
                "--dragoman.kit.api-key=demo-payment-key",
                "--dragoman.kit.relay.interval=20ms",
                "--dragoman.kit.watchdog.interval=20ms");
    }

    private static Status status(ConfigurableApplicationContext context, String saga, String step) {
        return context.getBean(SagaStepStore.class).find(saga, step).map(SagaStepStore.StepRow::status).orElse(null);
    }

    private static List<Long> ledger(ConfigurableApplicationContext context, String kind, String reference) {
        return context.getBean(JdbcClient.class).sql("SELECT amount FROM ledger WHERE kind = ? AND reference = ?")
                .params(kind, reference).query(Long.class).list();
    }

    private static String copy(String id, String source, String type, String saga, Instant deadline, Instant expiry, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"type\":\"" + type + "\","
                + "\"datacontenttype\":\"application/json\",\"sagaid\":\"" + saga + "\",\"expirytime\":\"" + expiry + "\","
                + "\"deadline\":\"" + deadline + "\",\"data\":" + data + "}";
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext context, String body) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dragoman/inbox")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/cloudevents+json; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
