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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Re-sending copies through {@code POST /admin/outbox/resend}, over real HTTP to WireMock inboxes:
 * an expired and a rejected copy go again and are delivered by the normal worker with their new
 * expirytime; what the deadline protocol forbids (a forward copy of an ended saga, the completed
 * outcome of an aborted one) is refused per copy; a compensation goes again and the saga notes it;
 * bad requests are 400s that name the member. Time is a clock the test moves.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.callers.order.api-keys=order-key",
        "dragoman.callers.product.api-keys=product-key",
        "dragoman.callers.payment.api-keys=payment-key",
        "dragoman.admin.api-keys=admin-key",
        "dragoman.events.delivery.poll-interval=50ms",
        "dragoman.events.delivery.timeout=5s",
        "dragoman.events.delivery.lease=60s"})
@AutoConfigureWebTestClient
@Import(OutboxResendIntegrationTests.MovedTime.class)
class OutboxResendIntegrationTests {

    static final Instant START = Instant.parse("2032-05-01T09:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final WireMockServer INBOXES = CloudEventOracle.inboxServer();

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
        if (!INBOXES.isRunning()) {
            INBOXES.start();
        }
        registry.add("dragoman.context-maps", () -> EventMaps.write(INBOXES.port()).toString());
    }

    @AfterAll
    static void stopInboxes() {
        INBOXES.stop();
    }

    @Autowired
    WebTestClient http;

    @Autowired
    MovableClock clock;

    @BeforeEach
    void inboxesAccept() {
        INBOXES.resetAll();
        INBOXES.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(202)));
    }

    @AfterEach
    void everyCopyIsAValidCloudEvent() {
        CloudEventOracle.assertEveryEventValid(INBOXES);
    }

    @Test
    void anExpiredCopyReSentWithANewDeadline_isDeliveredByTheWorker_withThatDeadlineAsItsExpirytime() {
        String id = "note-" + UUID.randomUUID();
        publish("order-key", note(id, clock.instant().minus(Duration.ofMinutes(1)).toString(), "{\"text\":\"0.1000000000000000055511\"}"));
        JsonNode copy = awaitCopy(id, "expired");
        assertThat(copy.get("lastError").asString()).startsWith("deadline ").endsWith("passed after 0 attempts");
        assertThat(INBOXES.findAll(postRequestedFor(urlEqualTo("/shipping/notes")))).isEmpty();

        Instant deadline = clock.instant().plus(Duration.ofHours(2));
        JsonNode answer = resend(List.of(copy.get("id").asLong()), deadline.toString()).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(answer.get("resent").asInt()).isEqualTo(1);
        assertThat(answer.at("/copies/0/result").asString()).isEqualTo("resent");
        assertThat(answer.at("/copies/0/previousStatus").asString()).isEqualTo("expired");
        assertThat(answer.at("/copies/0/deadline").asString()).isEqualTo(deadline.toString());

        JsonNode delivered = awaitCopy(id, "delivered");
        assertThat(delivered.get("resends").asInt()).isEqualTo(1);
        assertThat(delivered.get("attempts").asInt()).as("counted from the re-send").isPositive();
        assertThat(delivered.get("deadline").asString()).isEqualTo(deadline.toString());
        List<String> received = INBOXES.findAll(postRequestedFor(urlEqualTo("/shipping/notes"))).stream()
                .map(r -> r.getBodyAsString()).toList();
        assertThat(received).as("only after the re-send (more than once if an attempt timed out on a slow machine)").isNotEmpty();
        for (String body : received) {
            JsonNode event = JSON.readTree(body);
            assertThat(Instant.parse(event.get("expirytime").asString())).as("valid until the operator's deadline").isEqualTo(deadline);
            assertThat(body).as("the data byte for byte").contains("\"0.1000000000000000055511\"");
        }
    }

    @Test
    void aRejectedCopy_reSentOnceTheReceiverIsFixed_isDelivered_andAPendingOrDeliveredOneIsLeftAlone() {
        INBOXES.stubFor(post(urlEqualTo("/shipping/notes")).willReturn(aResponse().withStatus(400).withBody("no notes today")));
        String id = "note-" + UUID.randomUUID();
        publish("order-key", note(id, clock.instant().plus(Duration.ofMinutes(30)).toString(), "{\"text\":\"hello\"}"));
        JsonNode rejected = awaitCopy(id, "rejected");
        assertThat(rejected.get("lastError").asString()).as("the receiver's answer").startsWith("HTTP 400 from ")
                .endsWith("/shipping/notes: a permanent refusal");

        INBOXES.stubFor(post(urlEqualTo("/shipping/notes")).willReturn(aResponse().withStatus(202)));
        long copyId = rejected.get("id").asLong();
        int refused = notes();
        resend(List.of(copyId, 999_999_999L), clock.instant().plus(Duration.ofHours(1)).toString()).expectStatus().isOk().expectBody()
                .jsonPath("$.resent").isEqualTo(1)
                .jsonPath("$.refused").isEqualTo(1)
                .jsonPath("$.copies[0].previousError").value(error -> assertThat(error.toString()).startsWith("HTTP 400"))
                .jsonPath("$.copies[1].result").isEqualTo("unknown");
        awaitCopy(id, "delivered");
        int delivered = notes();
        assertThat(delivered).as("sent again after the re-send").isGreaterThan(refused);

        resend(List.of(copyId), clock.instant().plus(Duration.ofHours(1)).toString()).expectStatus().isOk().expectBody()
                .jsonPath("$.copies[0].result").isEqualTo("refused")
                .jsonPath("$.copies[0].reason").value(reason -> assertThat(reason.toString()).contains("delivered").contains("not sent twice"));
        JsonNode after = awaitCopy(id, "delivered");
        assertThat(after.get("resends").asInt()).as("the refused re-send changed nothing").isEqualTo(1);
        assertThat(notes()).as("nothing sent for the refused re-send").isEqualTo(delivered);
    }

    @Test
    void aForwardCopyOfAnEndedSaga_andItsCompletedOutcome_areRefused_whileItsCompensationGoesAgain_andTheTimelineSaysSo() {
        // product refuses the completed outcome (it rolled back on its own), payment refuses its refund at first
        INBOXES.stubFor(post(urlEqualTo("/product/events")).withRequestBody(matchingJsonPath("$.type", equalTo("order.confirmed")))
                .willReturn(aResponse().withStatus(409)));
        INBOXES.stubFor(post(urlEqualTo("/payment/events")).withRequestBody(matchingJsonPath("$.type", equalTo("payment.refund")))
                .willReturn(aResponse().withStatus(422).withBody("refunds are off")));
        // shipping refuses its copy of the start event
        INBOXES.stubFor(post(urlEqualTo("/shipping/events")).withRequestBody(matchingJsonPath("$.type", equalTo("order.placed")))
                .willReturn(aResponse().withStatus(400)));
        String saga = UUID.randomUUID().toString();
        publish("order-key", """
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.placed","datacontenttype":"application/json",
                 "data":{"items":[{"sku":"GX-1001","quantity":1}],"amount":700}}""".formatted(saga));
        publish("product-key", report(saga, "product.reserved", "{\"items\":[{\"sku\":501}]}"));
        publish("payment-key", report(saga, "payment.captured", "{\"amount\":700}"));
        await().untilAsserted(() -> admin("/admin/sagas/" + saga).expectBody().jsonPath("$.status").isEqualTo("aborted"));
        JsonNode forward = awaitCopy("receiver=shipping&type=order.placed", "sagaid", saga, "rejected");
        JsonNode confirmed = awaitCopy("receiver=product&type=order.confirmed", "sagaid", saga, "rejected");
        JsonNode refund = awaitCopy("receiver=payment&type=payment.refund", "sagaid", saga, "rejected");

        INBOXES.stubFor(post(urlEqualTo("/payment/events")).withRequestBody(matchingJsonPath("$.type", equalTo("payment.refund")))
                .willReturn(aResponse().withStatus(200)));
        long refundsBefore = eventsOfType("/payment/events", "payment.refund");
        long forwardBefore = eventsOfType("/shipping/events", "order.placed");
        long confirmedBefore = eventsOfType("/product/events", "order.confirmed");
        Instant deadline = clock.instant().plus(Duration.ofDays(1));
        resend(List.of(forward.get("id").asLong(), confirmed.get("id").asLong(), refund.get("id").asLong()), deadline.toString())
                .expectStatus().isOk().expectBody()
                .jsonPath("$.resent").isEqualTo(1)
                .jsonPath("$.copies[0].result").isEqualTo("refused")
                .jsonPath("$.copies[0].reason").value(r -> assertThat(r.toString())
                        .contains("a forward copy of saga " + saga).contains("ended aborted").contains("shipping would act on a saga that is over"))
                .jsonPath("$.copies[1].result").isEqualTo("refused")
                .jsonPath("$.copies[1].reason").value(r -> assertThat(r.toString())
                        .contains("the completed outcome order.confirmed confirms a saga only before its deadline"))
                .jsonPath("$.copies[2].result").isEqualTo("resent");

        awaitCopy("receiver=payment&type=payment.refund", "sagaid", saga, "delivered");
        assertThat(eventsOfType("/payment/events", "payment.refund")).as("sent again").isGreaterThan(refundsBefore);
        admin("/admin/sagas/" + saga).expectBody()
                .jsonPath("$.status").isEqualTo("aborted")
                .jsonPath("$.timeline[?(@.what =~ /payment.refund re-sent to payment by an operator, to be delivered by .*HTTP 422 .*/)]")
                .exists();
        assertThat(eventsOfType("/shipping/events", "order.placed")).as("the refused forward copy was not sent again").isEqualTo(forwardBefore);
        assertThat(eventsOfType("/product/events", "order.confirmed")).as("nor the completed outcome").isEqualTo(confirmedBefore);
        awaitCopy("receiver=shipping&type=order.placed", "sagaid", saga, "rejected");
        awaitCopy("receiver=product&type=order.confirmed", "sagaid", saga, "rejected");
    }

    @Test
    void badReSends_areA400NamingTheMember_andChangeNothing() {
        String past = clock.instant().minus(Duration.ofSeconds(1)).toString();
        resend(List.of(1L), past).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/invalid-query")
                .jsonPath("$.parameter").isEqualTo("deadline")
                .jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("is not in the future"));
        resend(List.of(1L), "tomorrow").expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("deadline");
        resendBody("{\"copies\":[],\"deadline\":\"2040-01-01T00:00:00Z\"}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.parameter").isEqualTo("copies");
        resendBody("{\"copies\":[\"x\"],\"deadline\":\"2040-01-01T00:00:00Z\"}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.parameter").isEqualTo("copies");
        resendBody("not json").expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("copies");
        http.post().uri("/admin/outbox/resend").header("X-Api-Key", "order-key").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"copies\":[1],\"deadline\":\"2040-01-01T00:00:00Z\"}").exchange().expectStatus().isForbidden();
        http.get().uri("/admin/outbox").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void badListingParameters_areA400NamingTheParameter() {
        for (String query : List.of("status=sent", "limit=0", "limit=501", "limit=ten", "cursor=abc", "receiver=", "type=a&type=b")) {
            String parameter = query.substring(0, query.indexOf('='));
            admin("/admin/outbox?" + query).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.parameter").isEqualTo(parameter);
        }
    }

    /** The only copy of the event with this id, once it has the status. */
    JsonNode awaitCopy(String eventId, String status) {
        return awaitCopy("type=order.note", "eventId", eventId, status);
    }

    /** The only copy that the filter finds with this value in the member, once it has the status. */
    JsonNode awaitCopy(String filter, String member, String value, String status) {
        return await().until(() -> {
            // time goes on at each look: an attempt that failed on a slow machine comes due again (backoff from 500 ms),
            // while the lease of one in flight (60 s) does not run out
            clock.move(Duration.ofMillis(200));
            JsonNode page = admin("/admin/outbox?limit=500&" + filter).expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                    .getResponseBody();
            for (JsonNode copy : page.get("copies")) {
                if (copy.get(member).asString().equals(value) && copy.get("status").asString().equals(status)) {
                    return copy;
                }
            }
            return null;
        }, copy -> copy != null);
    }

    int notes() {
        return INBOXES.findAll(postRequestedFor(urlEqualTo("/shipping/notes"))).size();
    }

    long eventsOfType(String inbox, String type) {
        return INBOXES.findAll(postRequestedFor(urlEqualTo(inbox))).stream().map(r -> JSON.readTree(r.getBodyAsString()))
                .filter(e -> e.path("type").asString().equals(type)).count();
    }

    static String note(String id, String deadline, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.note","deadline":"%s","datacontenttype":"application/json","data":%s}"""
                .formatted(id, deadline, data);
    }

    static String report(String saga, String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/%s-service","type":"%s","sagaid":"%s","data":%s}"""
                .formatted(UUID.randomUUID(), type.substring(0, type.indexOf('.')), type, saga, data);
    }

    void publish(String key, String event) {
        http.post().uri("/events").header("X-Api-Key", key).contentType(MediaType.valueOf("application/cloudevents+json"))
                .bodyValue(event).exchange().expectStatus().isAccepted();
    }

    WebTestClient.ResponseSpec resend(List<Long> copies, String deadline) {
        return resendBody(JSON.writeValueAsString(java.util.Map.of("copies", copies, "deadline", deadline)));
    }

    WebTestClient.ResponseSpec resendBody(String body) {
        return http.post().uri("/admin/outbox/resend").header("X-Api-Key", "admin-key").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec admin(String path) {
        return http.get().uri(path).header("X-Api-Key", "admin-key").exchange();
    }
}
