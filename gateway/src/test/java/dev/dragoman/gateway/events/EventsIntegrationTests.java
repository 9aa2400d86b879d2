package dev.dragoman.gateway.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SPEC sections 5 and 6 end to end: contexts publish CloudEvents to {@code POST /events}; the
 * WireMock inboxes' request journal shows what each subscriber received. Time is a clock the
 * test moves, so deadlines and retries come due without waiting for them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.callers.order.api-keys=order-key",
        "dragoman.callers.product.api-keys=product-key",
        "dragoman.callers.payment.api-keys=payment-key",
        "dragoman.callers.shipping.api-keys=shipping-key",
        "dragoman.admin.api-keys=admin-key",
        "dragoman.events.max-event-size=16KB",
        "dragoman.events.delivery.poll-interval=50ms",
        "dragoman.events.delivery.timeout=2s",
        "dragoman.events.delivery.lease=5s"})
@AutoConfigureWebTestClient
class EventsIntegrationTests {

    static final Instant START = Instant.parse("2030-06-01T12:00:00Z");
    static final WireMockServer inboxes = CloudEventOracle.inboxServer();

    @AfterEach
    void everyCopyIsAValidCloudEvent() {
        CloudEventOracle.assertEveryEventValid(inboxes);
    }
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TestConfiguration
    static class MovedTime {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(START);
        }
    }

    @DynamicPropertySource
    static void maps(DynamicPropertyRegistry registry) {
        if (!inboxes.isRunning()) {
            inboxes.start();
        }
        registry.add("dragoman.context-maps", () -> EventMaps.write(inboxes.port()).toString());
    }

    @AfterAll
    static void stopInboxes() {
        inboxes.stop();
    }

    @Autowired
    WebTestClient http;

    @Autowired
    MovableClock clock;

    @BeforeEach
    void inboxesAccept() {
        inboxes.resetAll();
        inboxes.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(202)));
    }

    // ---- publishing and delivery (SPEC section 5)

    @Test
    void structuredEvent_isDeliveredToEverySubscriber_inItsOwnModel_withIdSagaIdAndDeadline() {
        String id = newId();
        Instant now = clock.instant();
        publish("order-key", orderPlaced(id, "GX-1001", 10000)).expectStatus().isAccepted()
                .expectBody().jsonPath("$.sagaid").isEqualTo(id).jsonPath("$.receivers.length()").isEqualTo(3);

        JsonNode product = awaitEvent("/product/events", "order.placed", id);
        JsonNode shipping = awaitEvent("/shipping/events", "order.placed", id);
        JsonNode payment = awaitEvent("/payment/events", "order.placed", id);
        assertThat(product.at("/data/items/0/sku").isNumber()).as("the target entry's JSON type: product's sku is a number").isTrue();
        assertThat(product.at("/data/items/0/sku").asInt()).isEqualTo(501);
        assertThat(shipping.at("/data/items/0/sku").asString()).isEqualTo("SHP-501");
        assertThat(payment.at("/data/items/0/sku").asString()).as("no rules: delivered as published").isEqualTo("GX-1001");
        String deadline = now.plus(Duration.ofMinutes(10)).toString();
        for (JsonNode copy : List.of(product, shipping, payment)) {
            assertThat(copy.get("id").asString()).isEqualTo(id);
            assertThat(copy.get("source").asString()).isEqualTo("/order-service");
            assertThat(copy.get("sagaid").asString()).as("a saga's start event is its own sagaid").isEqualTo(id);
            assertThat(Instant.parse(copy.get("deadline").asString())).isEqualTo(deadline);
            assertThat(copy.get("expirytime").asString()).isEqualTo(copy.get("deadline").asString());
            assertThat(copy.at("/data/amount").asInt()).isEqualTo(10000);
        }
    }

    @Test
    void numbersNoRuleTouches_arriveByteForByte() {
        String id = newId();
        publish("order-key", """
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.placed","datacontenttype":"application/json",
                 "data":{"items":[{"sku":"GX-1002","price":0.1000000000000000055511}],"amount":1E+2}}""".formatted(id))
                .expectStatus().isAccepted();

        String body = awaitRequest("/product/events", id).getBodyAsString();
        assertThat(body).contains("\"price\":0.1000000000000000055511").contains("\"amount\":1E+2").contains("\"sku\":502");
    }

    @Test
    void binaryModeEvent_isAcceptedLikeAStructuredOne() {
        String id = newId();
        http.post().uri("/events")
                .header("X-Api-Key", "order-key")
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/order-service")
                .header("ce-type", "order.note").header("ce-deadline", "2030-06-01T12:30:00Z")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"note\":\"leave at the door\"}")
                .exchange()
                .expectStatus().isAccepted();

        JsonNode note = JSON.readTree(awaitRequest("/shipping/notes", id).getBodyAsString());
        assertThat(note.get("type").asString()).isEqualTo("order.note");
        assertThat(note.get("deadline").asString()).as("the event's own deadline wins").isEqualTo("2030-06-01T12:30:00Z");
        assertThat(note.at("/data/note").asString()).isEqualTo("leave at the door");
        assertThat(note.has("sagaid")).as("not a saga event").isFalse();
    }

    @Test
    void untranslatableIdentifier_is422_listingEveryCopy_andNothingIsStored() {
        String id = newId();
        publish("order-key", orderPlaced(id, "GX-9999", 10)).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/untranslatable-identifier")
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].receiver").isEqualTo("product")
                .jsonPath("$.errors[0].value").isEqualTo("GX-9999")
                .jsonPath("$.errors[0].location").isEqualTo("data $.items[0].sku")
                .jsonPath("$.errors[1].receiver").isEqualTo("shipping");

        admin("/admin/events?source=/order-service&id=" + id).expectStatus().isNotFound();
        admin("/admin/sagas/" + id).expectStatus().isNotFound();
    }

    @Test
    void invalidEvents_are400_withWhatIsWrong() {
        publish("order-key", "{\"specversion\":\"1.0\",\"source\":\"/x\",\"type\":\"order.note\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/invalid-event")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("id"));
        publish("order-key", "{\"specversion\":\"1.0\", ").expectStatus().isBadRequest();
        publish("order-key", """
                {"specversion":"1.0","id":"%s","source":"/x","type":"order.note","deadline":"tomorrow","data":{}}""".formatted(newId()))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("deadline 'tomorrow'"));
        http.post().uri("/events").header("X-Api-Key", "order-key").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("not a CloudEvent"));
        publish("order-key", """
                {"specversion":"1.0","id":"%s","source":"/x","type":"order.placed","datacontenttype":"text/plain","data":"GX-1001"}"""
                .formatted(newId())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("send JSON data"));
    }

    @Test
    void aTypeTheCallersContextMayNotPublish_is403_andNoKeyIs401() {
        publish("product-key", orderPlaced(newId(), "GX-1001", 1)).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("event type 'order.placed' is published by order, and this key belongs to product");
        publish("order-key", """
                {"specversion":"1.0","id":"%s","source":"/x","type":"order.refund","data":{}}""".formatted(newId()))
                .expectStatus().isForbidden();
        publish("order-key", """
                {"specversion":"1.0","id":"%s","source":"/x","type":"order.cancelled","data":{}}""".formatted(newId())) // an outcome is the gateway's own to send
                .expectStatus().isForbidden();
        http.post().uri("/events").contentType(MediaType.valueOf("application/cloudevents+json")).bodyValue(orderPlaced(newId(), "GX-1001", 1))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anEventLargerThanTheLimit_is413() {
        String big = "x".repeat(20_000);
        publish("order-key", """
                {"specversion":"1.0","id":"%s","source":"/x","type":"order.note","data":{"note":"%s"}}""".formatted(newId(), big))
                .expectStatus().isEqualTo(413);
    }

    @Test
    void theSameSourceAndIdPublishedAgain_isAccepted_andNotDeliveredTwice() {
        String id = newId();
        String note = note(id);
        publish("order-key", note).expectStatus().isAccepted().expectBody().jsonPath("$.duplicate").isEqualTo(false);
        publish("order-key", note).expectStatus().isAccepted().expectBody().jsonPath("$.duplicate").isEqualTo(true);

        awaitRequest("/shipping/notes", id);
        admin("/admin/events?source=/order-service&id=" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.copies.length()").isEqualTo(1)
                .jsonPath("$.copies[0].status").isEqualTo("delivered")
                .jsonPath("$.copies[0].attempts").isEqualTo(1);
        assertThat(inboxes.findAll(postRequestedFor(urlEqualTo("/shipping/notes")))).hasSize(1);
    }

    @Test
    void aSourceAndIdReusedForAnotherEvent_is409_neverAQuiet202() {
        String id = newId();
        publish("order-key", note(id)).expectStatus().isAccepted();

        publish("order-key", orderPlaced(id, "GX-1001", 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/event-id-conflict")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("of type order.note"));
        // another context learns nothing of the event it collides with
        publish("product-key", """
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"product.reserved","sagaid":"x","data":{}}"""
                .formatted(id)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("published by another context"));
        publish("product-key", note(id)).expectStatus().isForbidden();
    }

    @Test
    void aFailingInbox_isRetriedWithBackoff_thenTheCopyExpiresAtItsDeadline_andIsNeverSentAfter() {
        inboxes.stubFor(post(urlEqualTo("/shipping/notes")).willReturn(aResponse().withStatus(503)));
        String id = newId();
        publish("order-key", note(id)).expectStatus().isAccepted();

        awaitAttempts(id, 1);
        clock.move(Duration.ofSeconds(1));
        awaitAttempts(id, 2);
        clock.move(Duration.ofSeconds(2));
        awaitAttempts(id, 3);
        admin("/admin/events?source=/order-service&id=" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.copies[0].status").isEqualTo("pending")
                .jsonPath("$.copies[0].lastError").isEqualTo("HTTP 503 from http://127.0.0.1:" + inboxes.port() + "/shipping/notes");

        clock.move(Duration.ofMinutes(1));
        await().untilAsserted(() -> admin("/admin/events?source=/order-service&id=" + id).expectBody()
                .jsonPath("$.copies[0].status").isEqualTo("expired"));
        assertThat(sentTo("/shipping/notes", id)).as("nothing is sent at or after the deadline").hasSize(3);
        http.get().uri("/actuator/prometheus").header("X-Api-Key", "admin-key").exchange().expectBody(String.class)
                .value(metrics -> assertThat(metrics).contains("dragoman_events_expired_total{receiver=\"shipping\",type=\"order.note\"}"));
    }

    @Test
    void aNetworkErrorIsRetried_andA4xxIsAPermanentRejection() {
        inboxes.stubFor(post(urlEqualTo("/shipping/notes")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("reject"))
                .willReturn(aResponse().withStatus(400)));
        String rejected = newId();
        publish("order-key", """
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.note","data":{"note":"reject me"}}"""
                .formatted(rejected)).expectStatus().isAccepted();
        await().untilAsserted(() -> admin("/admin/events?source=/order-service&id=" + rejected).expectBody()
                .jsonPath("$.copies[0].status").isEqualTo("rejected")
                .jsonPath("$.copies[0].attempts").isEqualTo(1));

        inboxes.stubFor(post(urlEqualTo("/shipping/notes")).willReturn(aResponse()
                .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        String reset = newId();
        publish("order-key", note(reset)).expectStatus().isAccepted();
        awaitAttempts(reset, 1);
        inboxes.stubFor(post(urlEqualTo("/shipping/notes")).willReturn(aResponse().withStatus(200)));
        clock.move(Duration.ofSeconds(1));
        awaitDelivered(reset, 2);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {408, 429, 500, 502, 503})
    void timeoutsThrottlingAndServerErrors_areRetried(int status) {
        inboxes.stubFor(post(urlEqualTo("/shipping/notes")).willReturn(aResponse().withStatus(status)));
        String id = newId();
        publish("order-key", note(id)).expectStatus().isAccepted();
        awaitAttempts(id, 1);

        inboxes.stubFor(post(urlEqualTo("/shipping/notes")).willReturn(aResponse().withStatus(204)));
        clock.move(Duration.ofSeconds(1));
        awaitDelivered(id, 2);
    }

    @Test
    void anInboxSlowerThanTheTimeout_isRetried() {
        inboxes.stubFor(post(urlEqualTo("/shipping/notes")).willReturn(aResponse().withStatus(202).withFixedDelay(3_000)));
        String id = newId();
        publish("order-key", note(id)).expectStatus().isAccepted();
        await().untilAsserted(() -> admin("/admin/events?source=/order-service&id=" + id).expectBody()
                .jsonPath("$.copies[0].lastError").isEqualTo("no answer in time"));

        inboxes.stubFor(post(urlEqualTo("/shipping/notes")).willReturn(aResponse().withStatus(202)));
        clock.move(Duration.ofSeconds(1));
        awaitDelivered(id, 2);
    }

    // ---- sagas (SPEC section 6)

    @Test
    void theSeedsScenario_paymentCaptured_productOutOfStock_everyoneToldCancelled_paymentRefundedWithTheNegatedAmount() {
        String saga = newId();
        publish("order-key", orderPlaced(saga, "GX-1001", 10000)).expectStatus().isAccepted();
        awaitEvent("/payment/events", "order.placed", saga);

        publish("payment-key", report(saga, "payment.captured", "{\"amount\":10000,\"currency\":\"EUR\"}")).expectStatus().isAccepted();
        publish("product-key", report(saga, "product.out-of-stock", "{\"items\":[{\"sku\":501}]}")).expectStatus().isAccepted();

        JsonNode toOrder = awaitEvent("/order/events", "order.cancelled", saga);
        JsonNode toProduct = awaitEvent("/product/events", "order.cancelled", saga);
        JsonNode toPayment = awaitEvent("/payment/events", "order.cancelled", saga);
        assertThat(toOrder.at("/data/items/0/sku").asString()).as("the initiator's own model").isEqualTo("GX-1001");
        assertThat(toProduct.at("/data/items/0/sku").asInt()).as("translated as the start event was for product").isEqualTo(501);
        assertThat(toPayment.at("/data/items/0/sku").asString()).isEqualTo("GX-1001");
        for (JsonNode outcome : List.of(toOrder, toProduct, toPayment)) {
            assertThat(outcome.get("sagaid").asString()).isEqualTo(saga);
            assertThat(outcome.get("deadline").asString()).isNotBlank();
        }
        JsonNode refund = awaitEvent("/payment/events", "payment.refund", saga);
        assertThat(refund.at("/data/amount").asInt()).as("a +10000 capture is undone by -10000").isEqualTo(-10000);
        assertThat(refund.at("/data/currency").asString()).isEqualTo("EUR");
        assertThat(eventsOfType("/product/events", "product.release")).as("product never completed: nothing to undo").isEmpty();

        admin("/admin/sagas/" + saga).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("aborted")
                .jsonPath("$.participants[0].status").isEqualTo("failed")
                .jsonPath("$.participants[1].status").isEqualTo("completed")
                .jsonPath("$.participants[1].compensated").isEqualTo(true)
                .jsonPath("$.timeline.length()").value(n -> assertThat((Integer) n).isGreaterThanOrEqualTo(4));
    }

    @Test
    void everyParticipantCompleted_everyoneIsToldConfirmed_andShippingHearsOfTheReservation_andOnceEveryoneAcknowledgedTheSagaIsCompleted() {
        String saga = newId();
        publish("order-key", orderPlaced(saga, "GX-1002", 50)).expectStatus().isAccepted();
        publish("product-key", report(saga, "product.reserved", "{\"items\":[{\"sku\":502}]}")).expectStatus().isAccepted();
        publish("payment-key", report(saga, "payment.captured", "{\"amount\":50}")).expectStatus().isAccepted();

        for (String inbox : List.of("/order/events", "/product/events", "/payment/events")) {
            awaitEvent(inbox, "order.confirmed", saga);
        }
        JsonNode reserved = awaitEvent("/shipping/events", "product.reserved", saga);
        assertThat(reserved.at("/data/items/0/sku").asString()).isEqualTo("SHP-502");
        assertThat(eventsOfType("/shipping/events", "order.confirmed")).as("shipping takes no part in the saga").isEmpty();
        // Completed only once the three inboxes' 202s are recorded (the deadline protocol), not when the last report came.
        await().untilAsserted(() -> admin("/admin/sagas/" + saga).expectBody().jsonPath("$.status").isEqualTo("completed")
                .jsonPath("$.acknowledged.length()").isEqualTo(3));
    }

    @Test
    void theDeadlinePassesWithASilentParticipant_theSagaTimesOut_andALateCompletionGetsItsCompensation() {
        String saga = newId();
        publish("order-key", orderPlaced(saga, "GX-1001", 700)).expectStatus().isAccepted();
        publish("payment-key", report(saga, "payment.captured", "{\"amount\":700}")).expectStatus().isAccepted();
        admin("/admin/sagas").expectBody().jsonPath("$.open[?(@.sagaid == '" + saga + "')].remaining").isEqualTo("PT10M");

        clock.move(Duration.ofMinutes(10));
        JsonNode cancelled = awaitEvent("/order/events", "order.cancelled", saga);
        assertThat(Instant.parse(cancelled.get("time").asString())).as("acted on at the deadline").isEqualTo(clock.instant());
        assertThat(awaitEvent("/payment/events", "payment.refund", saga).at("/data/amount").asInt()).isEqualTo(-700);
        admin("/admin/sagas/" + saga).expectBody().jsonPath("$.status").isEqualTo("timed-out");

        publish("product-key", report(saga, "product.reserved", "{\"items\":[{\"sku\":501}]}")).expectStatus().isAccepted();
        awaitEvent("/product/events", "product.release", saga);
        publish("product-key", report(saga, "product.reserved", "{\"items\":[{\"sku\":501}]}").replace("\"id\":\"", "\"id\":\"again-"))
                .expectStatus().isAccepted();
        admin("/admin/sagas/" + saga).expectBody().jsonPath("$.timeline[-1].late").isEqualTo(true);
        assertThat(eventsOfType("/product/events", "product.release")).as("compensation once per participant").hasSize(1);
    }

    @Test
    void aReportForAnUnknownSaga_is422_andAReportWithoutSagaId_is400() {
        publish("payment-key", report("no-such-saga", "payment.captured", "{\"amount\":1}")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/unknown-saga");
        publish("payment-key", """
                {"specversion":"1.0","id":"%s","source":"/payment-service","type":"payment.captured","data":{"amount":1}}"""
                .formatted(newId())).expectStatus().isBadRequest();
        String saga = newId();
        publish("order-key", orderPlaced(saga, "GX-1001", 5)).expectStatus().isAccepted();
        publish("payment-key", report(saga, "payment.captured", "{\"amount\":\"five\"}")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("$.amount"));
    }

    // ---- helpers

    WebTestClient.ResponseSpec publish(String key, String event) {
        return http.post().uri("/events").header("X-Api-Key", key).contentType(MediaType.valueOf("application/cloudevents+json"))
                .bodyValue(event).exchange();
    }

    WebTestClient.ResponseSpec admin(String path) {
        return http.get().uri(path).header("X-Api-Key", "admin-key").exchange();
    }

    static String orderPlaced(String id, String sku, int amount) {
        return """
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.placed","datacontenttype":"application/json",
                 "data":{"items":[{"sku":"%s","quantity":1}],"amount":%d}}""".formatted(id, sku, amount);
    }

    static String note(String id) {
        return """
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.note","data":{"note":"fragile"}}""".formatted(id);
    }

    static String report(String saga, String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/%s-service","type":"%s","sagaid":"%s","data":%s}"""
                .formatted(newId(), type.substring(0, type.indexOf('.')), type, saga, data);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static JsonNode awaitEvent(String inbox, String type, String sagaId) {
        return await().until(() -> eventsOfType(inbox, type).stream().filter(e -> sagaId.equals(e.path("sagaid").asString())).findFirst(),
                java.util.Optional::isPresent).get();
    }

    static List<JsonNode> eventsOfType(String inbox, String type) {
        return inboxes.findAll(postRequestedFor(urlEqualTo(inbox))).stream().map(r -> JSON.readTree(r.getBodyAsString()))
                .filter(e -> type.equals(e.path("type").asString())).toList();
    }

    static LoggedRequest awaitRequest(String inbox, String id) {
        return await().until(() -> sentTo(inbox, id), list -> !list.isEmpty()).get(0);
    }

    static List<LoggedRequest> sentTo(String inbox, String id) {
        return inboxes.findAll(postRequestedFor(urlEqualTo(inbox)).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.id", equalTo(id))));
    }

    void awaitDelivered(String id, int attempts) {
        await().untilAsserted(() -> admin("/admin/events?source=/order-service&id=" + id).expectBody()
                .jsonPath("$.copies[0].status").isEqualTo("delivered")
                .jsonPath("$.copies[0].attempts").isEqualTo(attempts));
    }

    static void awaitAttempts(String id, int attempts) {
        await().until(() -> sentTo("/shipping/notes", id).size() >= attempts);
        assertThat(sentTo("/shipping/notes", id)).hasSize(attempts);
    }
}
