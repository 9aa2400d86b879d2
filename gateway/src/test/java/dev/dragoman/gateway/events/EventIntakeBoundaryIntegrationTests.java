package dev.dragoman.gateway.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dragoman.rules.Unresolved;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /events} at its edges (docs/EVENTS.md, "Publishing"): what CloudEvents 1.0 and its
 * HTTP binding say a receiver must take or refuse, events that do not fit the store, data the
 * engine cannot read, and a resolver that does not answer. Every copy delivered is read back by
 * the CloudEvents SDK ({@link CloudEventOracle}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.callers.order.api-keys=order-key",
        "dragoman.callers.product.api-keys=product-key",
        "dragoman.callers.payment.api-keys=payment-key",
        "dragoman.admin.api-keys=admin-key",
        "dragoman.events.max-event-size=64KB",
        "dragoman.events.delivery.poll-interval=50ms",
        "dragoman.events.delivery.timeout=2s",
        "dragoman.events.delivery.lease=5s"})
// Generous: one test has the resolver asked 250 questions before the 202, slow on a loaded machine.
@AutoConfigureWebTestClient(timeout = "PT30S")
class EventIntakeBoundaryIntegrationTests {

    static final WireMockServer inboxes = CloudEventOracle.inboxServer();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final MediaType CLOUDEVENTS = MediaType.valueOf("application/cloudevents+json");

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

    @BeforeEach
    void inboxesAccept() {
        inboxes.resetAll();
        inboxes.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(202)));
    }

    @AfterEach
    void everyCopyIsAValidCloudEvent() {
        CloudEventOracle.assertEveryEventValid(inboxes);
    }

    // ---- CloudEvents 1.0: data

    @Test
    void stringDataWithAJsonContentType_isAJsonString_deliveredAsOne() {
        String id = newId();
        publish(event(id, "order.note", "\"datacontenttype\":\"application/json\",\"data\":\"plain string\"")).expectStatus().isAccepted();

        JsonNode copy = JSON.readTree(awaitRequest("/shipping/notes", id).getBodyAsString());
        assertThat(copy.get("data").isString()).as("a JSON string stays a JSON string").isTrue();
        assertThat(copy.get("data").asString()).isEqualTo("plain string");
    }

    @Test
    void stringDataWithoutAContentType_isJson_andARuleOverTheWholeDataTranslatesIt() {
        String id = newId();
        publish(event(id, "order.sku-noted", "\"data\":\"GX-1001\"")).expectStatus().isAccepted();

        JsonNode copy = JSON.readTree(awaitRequest("/shipping/skus", id).getBodyAsString());
        assertThat(copy.get("data").asString()).as("a string at $ is a scalar like any other").isEqualTo("SHP-501");
        assertThat(copy.has("data_base64")).isFalse();
    }

    @Test
    void jsonDataSentAsDataBase64_isTranslated_andOpaqueBytesWithoutAContentTypeTravelAsBase64() {
        String placed = newId();
        publish(event(placed, "order.sku-noted", "\"datacontenttype\":\"application/json\",\"data_base64\":\""
                + base64("\"GX-1002\"".getBytes(StandardCharsets.UTF_8)) + "\"")).expectStatus().isAccepted();
        LoggedRequest skuNoted = awaitRequest("/shipping/skus", placed);
        CloudEvent sku = CloudEventOracle.read(headersOf(skuNoted), skuNoted.getBody());
        assertThat(new String(sku.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("\"SHP-502\"");

        String opaque = newId();
        byte[] bytes = {(byte) 0xFF, 0x00, 0x7B, (byte) 0xC0};
        publish(event(opaque, "order.note", "\"data_base64\":\"" + base64(bytes) + "\"")).expectStatus().isAccepted();
        LoggedRequest note = awaitRequest("/shipping/notes", opaque);
        assertThat(JSON.readTree(note.getBodyAsString()).get("data_base64").asString()).isEqualTo(base64(bytes));
        assertThat(CloudEventOracle.read(headersOf(note), note.getBody()).getData().toBytes()).isEqualTo(bytes);
    }

    @Test
    void jsonDataThatIsNotJson_isRefused_inBinaryModeAndAsDataBase64() {
        binary(newId(), "order.note", Map.of(), "application/json", "plain string".getBytes(StandardCharsets.UTF_8))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("not valid JSON"));
        publish(event(newId(), "order.note", "\"datacontenttype\":\"application/json\",\"data_base64\":\""
                + base64("{not json".getBytes(StandardCharsets.UTF_8)) + "\"")).expectStatus().isBadRequest();
    }

    // ---- CloudEvents 1.0: attributes

    @Test
    void anEmptyIdOrSource_is400() {
        publish("""
                {"specversion":"1.0","id":"","source":"/order-service","type":"order.note","data":{}}""").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("id is empty"));
        publish("""
                {"specversion":"1.0","id":"%s","source":"","type":"order.note","data":{}}""".formatted(newId())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("source is empty"));
        binary("", "order.note", Map.of(), "application/json", "{}".getBytes(StandardCharsets.UTF_8)).expectStatus().isBadRequest();
    }

    @Test
    void aNullExtensionIsUnset_andAnObjectExtensionIs400() {
        String id = newId();
        publish(event(id, "order.note", "\"comexample\":null,\"data\":{}")).expectStatus().isAccepted();
        JsonNode copy = JSON.readTree(awaitRequest("/shipping/notes", id).getBodyAsString());
        assertThat(copy.has("comexample")).as("null means unset").isFalse();

        publish(event(newId(), "order.note", "\"comexample\":{\"a\":1},\"data\":{}")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("extension 'comexample' is an object"));
        publish(event(newId(), "order.note", "\"comexample\":[1],\"data\":{}")).expectStatus().isBadRequest();
        publish(event(newId(), "order.note", "\"comexample\":1.5,\"data\":{}")).expectStatus().isBadRequest();
    }

    @Test
    void binaryModeHeaders_arePercentDecoded_andInvalidUtf8Is400() {
        String id = newId();
        binary(id, "order.note", Map.of("ce-subject", "caf%C3%A9 %22x%22", "ce-deadline", "2099-06-01T12%3A30%3A00Z"), "application/json",
                "{\"note\":\"n\"}".getBytes(StandardCharsets.UTF_8)).expectStatus().isAccepted();
        JsonNode copy = JSON.readTree(awaitRequest("/shipping/notes", id).getBodyAsString());
        assertThat(copy.get("subject").asString()).isEqualTo("café \"x\"");
        assertThat(copy.get("deadline").asString()).isEqualTo("2099-06-01T12:30:00Z");

        binary(newId(), "order.note", Map.of("ce-subject", "%C0%A0"), "application/json", "{}".getBytes(StandardCharsets.UTF_8))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("ce-subject").contains("not UTF-8"));
        binary(newId(), "order.note", Map.of("ce-subject", "100%"), "application/json", "{}".getBytes(StandardCharsets.UTF_8))
                .expectStatus().isBadRequest();
    }

    @Test
    void specVersion03_is400NamingTheVersion_inBothModes() {
        publish("""
                {"specversion":"0.3","id":"%s","source":"/order-service","type":"order.note","data":{}}""".formatted(newId()))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("specversion '0.3'"));
        http.post().uri("/events").header("X-Api-Key", "order-key").header("ce-specversion", "0.3").header("ce-id", newId())
                .header("ce-source", "/order-service").header("ce-type", "order.note").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("specversion '0.3'"));
    }

    // ---- what the store can hold: the event's own fault, 400 before the store is touched

    static Stream<Arguments> eventsTheStoreCannotHold() {
        String deep = "[".repeat(600) + "]".repeat(600);
        return Stream.of(
                Arguments.of("an id of 1,100 characters", event("x".repeat(1_100), "order.note", "\"data\":{}"), "id is 1100 characters long, and may be at most 1024"),
                Arguments.of("a sagaid of 1,100 characters", event(newId(), "order.note", "\"sagaid\":\"" + "s".repeat(1_100) + "\",\"data\":{}"),
                        "sagaid is 1100 characters long, and may be at most 1024"),
                Arguments.of("a start event's sagaid that leaves no room for its outcomes' ids", EventsIntegrationTests.orderPlaced(newId(),
                        "GX-1001", 1).replace("\"type\"", "\"sagaid\":\"" + "s".repeat(1_010) + "\",\"type\""), "sagaid is 1010 characters long"),
                Arguments.of("a source of 2,100 characters", """
                        {"specversion":"1.0","id":"%s","source":"/%s","type":"order.note","data":{}}""".formatted(newId(), "s".repeat(2_099)),
                        "source is 2100 characters long, and may be at most 2048"),
                Arguments.of("an id holding U+0000", event("a\\u0000b", "order.note", "\"data\":{}"), "id holds the character U+0000"),
                Arguments.of("a deadline in the year 999999999", event(newId(), "order.note",
                        "\"deadline\":\"+999999999-12-31T23:59:59Z\",\"data\":{}"), "beyond the year 9999"),
                Arguments.of("data nested 600 deep", event(newId(), "order.note", "\"data\":" + deep), "nested at most 500 levels deep"),
                Arguments.of("data nested 600 deep where a rule applies", event(newId(), "order.placed", "\"data\":{\"items\":" + deep + "}"),
                        "nested at most 500 levels deep"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsTheStoreCannotHold")
    void anEventThatDoesNotFitTheStore_is400NamingTheAttributeAndItsLimit_neverA5xx(String what, String event, String detail) {
        publish(event).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/invalid-event")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains(detail));
    }

    // ---- data the engine cannot read

    @Test
    void dataInUtf16_is400NamingTheEncoding() {
        binary(newId(), "order.placed", Map.of(), "application/json", "{\"items\":[],\"amount\":1}".getBytes(StandardCharsets.UTF_16LE))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("UTF-16LE"));
        http.post().uri("/events").header("X-Api-Key", "order-key").contentType(CLOUDEVENTS)
                .bodyValue(event(newId(), "order.note", "\"data\":{}").getBytes(StandardCharsets.UTF_16BE))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("UTF-16BE"));
    }

    @Test
    void opaqueDataWithoutAContentType_thatARuleMustRead_is400() {
        binary(newId(), "order.placed", Map.of(), null, new byte[] {(byte) 0xFF, 0x00}).expectStatus().isBadRequest();
    }

    // ---- a resolver that does not answer

    @Test
    void aResolverThatDoesNotAnswer_is503ResolverUnavailable_namingTheConcept_withRetryAfter_andNothingIsStored() {
        inboxes.stubFor(get(urlPathEqualTo("/resolve")).willReturn(aResponse().withStatus(503)));
        String id = newId();
        publish(event(id, "order.gift", "\"data\":{\"customer\":\"c-1\"}")).expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/resolver-unavailable")
                .jsonPath("$.concept").isEqualTo("customer")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("concept customer"));
        http.get().uri("/admin/events?source=/order-service&id=" + id).header("X-Api-Key", "admin-key").exchange()
                .expectStatus().isNotFound();

        inboxes.stubFor(get(urlPathEqualTo("/resolve")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"value\":\"C-ONE\"}")));
        publish(event(id, "order.gift", "\"data\":{\"customer\":\"c-1\"}")).expectStatus().isAccepted();
        assertThat(JSON.readTree(awaitRequest("/shipping/gifts", id).getBodyAsString()).at("/data/customer").asString()).isEqualTo("C-ONE");
    }

    @Test
    void dataWithMoreLookupsThanOneTranslationLists_isResolvedWhole() {
        inboxes.stubFor(get(urlPathEqualTo("/resolve")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"value\":\"C-ONE\"}")));
        String id = newId();
        int customers = Unresolved.REPORTED_LIMIT * 5 / 2;
        String list = java.util.stream.IntStream.range(0, customers).mapToObj(i -> "\"many-" + id + "-" + i + "\"")
                .collect(java.util.stream.Collectors.joining(","));

        publish(event(id, "order.gift", "\"data\":{\"customer\":[" + list + "]}")).expectStatus().isAccepted();

        var delivered = JSON.readTree(awaitRequest("/shipping/gifts", id).getBodyAsString()).at("/data/customer");
        assertThat(delivered.size()).isEqualTo(customers);
        delivered.forEach(customer -> assertThat(customer.asString()).isEqualTo("C-ONE"));
    }

    @Test
    void aResolverThatSaysUnknown_isStill422() {
        inboxes.stubFor(get(urlPathEqualTo("/resolve")).willReturn(aResponse().withStatus(404)));
        publish(event(newId(), "order.gift", "\"data\":{\"customer\":\"nobody-" + newId() + "\"}")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].reason").isEqualTo("unknown");
    }

    // ---- helpers

    WebTestClient.ResponseSpec publish(String event) {
        return http.post().uri("/events").header("X-Api-Key", "order-key").contentType(CLOUDEVENTS).bodyValue(event).exchange();
    }

    WebTestClient.ResponseSpec binary(String id, String type, Map<String, String> headers, String contentType, byte[] body) {
        return http.post().uri("/events").header("X-Api-Key", "order-key")
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/order-service").header("ce-type", type)
                .headers(h -> {
                    headers.forEach(h::add);
                    if (contentType != null) {
                        h.add("Content-Type", contentType);
                    }
                })
                .bodyValue(body).exchange();
    }

    /** A structured event of order's; {@code rest} holds its other members, such as the data. */
    static String event(String id, String type, String rest) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/order-service\",\"type\":\"" + type + "\"," + rest + "}";
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static Map<String, List<String>> headersOf(LoggedRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.getHeaders().all().forEach(h -> headers.put(h.key(), h.values()));
        return headers;
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static LoggedRequest awaitRequest(String inbox, String id) {
        return await().until(() -> inboxes.findAll(postRequestedFor(urlEqualTo(inbox)).withRequestBody(matchingJsonPath("$.id", equalTo(id)))),
                list -> !list.isEmpty()).get(0);
    }
}
