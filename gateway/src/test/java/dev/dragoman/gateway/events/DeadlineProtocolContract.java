package dev.dragoman.gateway.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deadline protocol (presumed abort, SPEC section 6) end to end, on whatever store the
 * subclass gives it: a saga whose participants all completed is confirmed only when every
 * receiver's inbox took the completed outcome before the deadline; a 409 from one of them, or
 * its silence until the deadline, aborts it, and every participant that completed gets its
 * compensation. Time is a clock the test moves.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.callers.order.api-keys=order-key",
        "dragoman.callers.product.api-keys=product-key",
        "dragoman.callers.payment.api-keys=payment-key",
        "dragoman.admin.api-keys=admin-key",
        "dragoman.events.delivery.poll-interval=50ms",
        "dragoman.events.delivery.timeout=1s",
        "dragoman.events.delivery.lease=5s"})
@AutoConfigureWebTestClient
abstract class DeadlineProtocolContract {

    static final Instant START = Instant.parse("2031-03-01T09:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The clock every subclass runs on. */
    @TestConfiguration
    static class MovedTime {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(START);
        }
    }

    @Autowired
    WebTestClient http;

    @Autowired
    MovableClock clock;

    /** The subclass's inboxes, on which EventMaps put every context. */
    abstract WireMockServer inboxes();

    @BeforeEach
    void inboxesAccept() {
        inboxes().resetAll();
        inboxes().stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(202)));
    }

    @AfterEach
    void everyCopyIsAValidCloudEvent() {
        CloudEventOracle.assertEveryEventValid(inboxes());
    }

    @Test
    void everyReceiverTakesTheCompletedOutcome_theSagaIsCompleted_andItsCopiesExpireAtTheDeadline() {
        String deadline = clock.instant().plus(Duration.ofMinutes(10)).toString();
        String saga = completedByBoth(10000);

        await().untilAsserted(() -> admin("/admin/sagas/" + saga).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("completed")
                .jsonPath("$.acknowledged.length()").isEqualTo(3)
                .jsonPath("$.timeline[-1].what").isEqualTo("confirmed: every receiver acknowledged order.confirmed"));
        for (String inbox : List.of("/order/events", "/product/events", "/payment/events")) {
            JsonNode confirmed = event(inbox, "order.confirmed", saga).orElseThrow();
            assertThat(Instant.parse(confirmed.get("expirytime").asString())).as("not valid past the deadline").isEqualTo(deadline);
            assertThat(Instant.parse(confirmed.get("deadline").asString())).isEqualTo(deadline);
        }
        admin("/admin/sagas/" + saga).expectBody()
                .jsonPath("$.sent[?(@.type == 'order.confirmed')].deadline").value(deadlines -> assertThat(deadlines.toString())
                        .as("the outbox gives up on them at the deadline").contains(deadline));
        assertThat(eventsOfType("/payment/events", "payment.refund")).isEmpty();
        assertThat(eventsOfType("/order/events", "order.cancelled")).isEmpty();
    }

    @Test
    void oneReceiverRefusesTheCompletedOutcomeWith409_theSagaIsAborted_everyoneIsToldCancelled_andTheCompletedAreCompensated() {
        // product rolled back on its own, so it refuses the completed outcome
        inboxes().stubFor(post(urlEqualTo("/product/events")).withRequestBody(matchingJsonPath("$.type", equalTo("order.confirmed")))
                .willReturn(aResponse().withStatus(409)));
        Instant deadline = clock.instant().plus(Duration.ofMinutes(10));
        String saga = completedByBoth(10000);

        await().untilAsserted(() -> admin("/admin/sagas/" + saga).expectBody().jsonPath("$.status").isEqualTo("aborted"));
        for (String inbox : List.of("/order/events", "/product/events", "/payment/events")) {
            awaitEvent(inbox, "order.cancelled", saga);
        }
        JsonNode refund = awaitEvent("/payment/events", "payment.refund", saga);
        assertThat(refund.at("/data/amount").asInt()).as("+10000 undone by -10000").isEqualTo(-10000);
        assertThat(Instant.parse(refund.get("expirytime").asString())).as("a compensation outlives the deadline (outcome window)")
                .isAfter(deadline);
        awaitEvent("/product/events", "product.release", saga);
        await().untilAsserted(() -> admin("/admin/sagas/" + saga).expectBody()
                .jsonPath("$.participants[0].compensated").isEqualTo(true)
                .jsonPath("$.participants[1].compensated").isEqualTo(true)
                .jsonPath("$.timeline[?(@.what =~ /order.confirmed refused by product: HTTP 409 from .*; saga aborted/)]").exists()
                .jsonPath("$.sent[?(@.type == 'payment.refund')].status").isEqualTo(List.of("delivered"))
                .jsonPath("$.sent[?(@.type == 'order.confirmed' && @.receiver == 'product')].status").isEqualTo(List.of("rejected")));
        assertThat(eventsOfType("/payment/events", "payment.refund")).as("compensated once").hasSize(1);
    }

    @Test
    void aReceiverSilentUntilTheDeadline_theSagaTimesOutWhileConfirming_andTheCompletedAreCompensated() {
        // payment's inbox answers the completed outcome later than the delivery timeout: never, as far as the gateway knows
        inboxes().stubFor(post(urlEqualTo("/payment/events")).withRequestBody(matchingJsonPath("$.type", equalTo("order.confirmed")))
                .willReturn(aResponse().withStatus(202).withFixedDelay(1_500)));
        String saga = completedByBoth(10000);

        await().untilAsserted(() -> admin("/admin/sagas/" + saga).expectBody()
                .jsonPath("$.status").isEqualTo("confirming")
                .jsonPath("$.remaining").exists()
                .jsonPath("$.acknowledged.length()").isEqualTo(2)
                .jsonPath("$.sent[?(@.type == 'order.confirmed' && @.receiver == 'payment')].lastError").isEqualTo(List.of("no answer in time")));
        admin("/admin/sagas").expectBody().jsonPath("$.open[?(@.sagaid == '" + saga + "')].status").isEqualTo(List.of("confirming"));

        clock.move(Duration.ofMinutes(10));
        await().untilAsserted(() -> admin("/admin/sagas/" + saga).expectBody().jsonPath("$.status").isEqualTo("timed-out"));
        JsonNode refund = awaitEvent("/payment/events", "payment.refund", saga);
        assertThat(refund.at("/data/amount").asInt()).isEqualTo(-10000);
        awaitEvent("/product/events", "product.release", saga);
        awaitEvent("/order/events", "order.cancelled", saga);
        await().untilAsserted(() -> admin("/admin/sagas/" + saga).expectBody()
                .jsonPath("$.timeline[?(@.what =~ /.*passed with order.confirmed not acknowledged by payment; saga timed out/)]").exists()
                .jsonPath("$.sent[?(@.type == 'order.confirmed' && @.receiver == 'payment')].status").isEqualTo(List.of("expired")));
        long confirmedToPayment = eventsOfType("/payment/events", "order.confirmed").stream()
                .filter(e -> saga.equals(e.path("sagaid").asString())).count();
        assertThat(confirmedToPayment).as("tried before the deadline only: one attempt, the clock stood still until it").isEqualTo(1);
        http.get().uri("/actuator/prometheus").header("X-Api-Key", "admin-key").exchange().expectBody(String.class)
                .value(metrics -> assertThat(metrics).contains("dragoman_sagas_ended_total{outcome=\"timed-out\",saga=\"order-placement\"}"));
    }

    /** A saga whose two participants both completed, payment with the amount. */
    String completedByBoth(int amount) {
        String saga = UUID.randomUUID().toString();
        publish("order-key", """
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.placed","datacontenttype":"application/json",
                 "data":{"items":[{"sku":"GX-1001","quantity":1}],"amount":%d}}""".formatted(saga, amount));
        publish("product-key", report(saga, "product.reserved", "{\"items\":[{\"sku\":501}]}"));
        publish("payment-key", report(saga, "payment.captured", "{\"amount\":" + amount + ",\"currency\":\"EUR\"}"));
        return saga;
    }

    void publish(String key, String event) {
        http.post().uri("/events").header("X-Api-Key", key).contentType(MediaType.valueOf("application/cloudevents+json"))
                .bodyValue(event).exchange().expectStatus().isAccepted();
    }

    WebTestClient.ResponseSpec admin(String path) {
        return http.get().uri(path).header("X-Api-Key", "admin-key").exchange();
    }

    static String report(String saga, String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/%s-service","type":"%s","sagaid":"%s","data":%s}"""
                .formatted(UUID.randomUUID(), type.substring(0, type.indexOf('.')), type, saga, data);
    }

    JsonNode awaitEvent(String inbox, String type, String saga) {
        return await().until(() -> event(inbox, type, saga), Optional::isPresent).orElseThrow();
    }

    Optional<JsonNode> event(String inbox, String type, String saga) {
        return eventsOfType(inbox, type).stream().filter(e -> saga.equals(e.path("sagaid").asString())).findFirst();
    }

    List<JsonNode> eventsOfType(String inbox, String type) {
        return inboxes().findAll(postRequestedFor(urlEqualTo(inbox))).stream().map(r -> JSON.readTree(r.getBodyAsString()))
                .filter(e -> type.equals(e.path("type").asString())).toList();
    }
}
