package dev.dragoman.gateway.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import dev.dragoman.gateway.intake.KafkaInbound;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka as the transport (docs/EVENTS.md, "Kafka"), against a real KRaft broker: product's inbox
 * is the topic {@code product.events}, and order also publishes on the topic {@code order.events};
 * the other inboxes are WireMock's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.callers.order.api-keys=order-key",
        "dragoman.admin.api-keys=admin-key",
        "dragoman.events.max-event-size=16KB",
        "dragoman.events.delivery.poll-interval=50ms",
        "dragoman.events.delivery.timeout=2s",
        "dragoman.events.delivery.lease=5s",
        "dragoman.events.kafka.group-id=dragoman-kafka-it",
        "dragoman.events.kafka.topics[0].topic=order.events",
        "dragoman.events.kafka.topics[0].context=order"})
@AutoConfigureWebTestClient
@ExtendWith(TestKafka.class)
// closed after this class, while the broker still runs
@DirtiesContext
class KafkaIntegrationTests {

    static final WireMockServer inboxes = CloudEventOracle.inboxServer();

    @AfterEach
    void everyCopyIsAValidCloudEvent() {
        CloudEventOracle.assertEveryEventValid(inboxes);
    }
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void kafkaAndMaps(DynamicPropertyRegistry registry) {
        if (!inboxes.isRunning()) {
            inboxes.start();
        }
        TestKafka.createTopics(2, "order.events", "product.events", "order.events.dlt");
        registry.add("dragoman.events.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("dragoman.context-maps", () -> {
            Path maps = EventMaps.write(inboxes.port(), "kafka:product.events");
            write(maps.resolve("archive.yaml"), """
                    contexts:
                      archive: {inbox: "kafka:no.such.topic"}
                    events:
                      - type: order.archived
                        from: order
                        deliver:
                          - to: archive
                    """);
            return maps.toString();
        });
    }

    @AfterAll
    static void stopInboxes() {
        inboxes.stop();
    }

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry registry;

    @Autowired
    KafkaInbound inbound;

    @BeforeEach
    void inboxesAccept() {
        inboxes.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(202)));
        // A consumer joining late would take a partition mid-read and start a record's attempts afresh.
        await().atMost(Duration.ofSeconds(60)).until(inbound::everyConsumerAssigned);
    }

    @Test
    void aPostedEvent_arrivesOnTheKafkaInbox_translated_asAStructuredCloudEvent_keyedBySagaId() {
        String id = newId();
        Instant now = Instant.now();
        publish(EventsIntegrationTests.orderPlaced(id, "GX-1001", 10000)).expectStatus().isAccepted();

        ConsumerRecord<String, byte[]> record = awaitRecord("product.events", id);
        assertThat(record.key()).as("one saga's events on one partition").isEqualTo(id);
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/cloudevents+json");
        JsonNode copy = JSON.readTree(record.value());
        assertThat(copy.get("type").asString()).isEqualTo("order.placed");
        assertThat(copy.get("source").asString()).isEqualTo("/order-service");
        assertThat(copy.get("sagaid").asString()).isEqualTo(id);
        assertThat(Instant.parse(copy.get("deadline").asString())).isBetween(now.plusSeconds(599), now.plusSeconds(601));
        assertThat(copy.get("expirytime").asString()).isEqualTo(copy.get("deadline").asString());
        assertThat(copy.at("/data/items/0/sku").asInt()).as("translated into product's model").isEqualTo(501);
        awaitDelivered(id, "product");
        assertThat(sentTo("/shipping/events", id)).as("the HTTP inboxes as before").hasSize(1);
    }

    @Test
    void anEventOnAnInboundTopic_isDeliveredTranslated_andTheSameSourceAndIdTwiceIsDeliveredOnce() {
        String id = newId();
        String event = """
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.placed","datacontenttype":"application/json",
                 "data":{"items":[{"sku":"GX-1002","price":0.1000000000000000055511}],"amount":1E+2}}""".formatted(id);
        TestKafka.produceStructured("order.events", null, id, event);
        TestKafka.produceStructured("order.events", null, id, event);

        JsonNode shipping = JSON.readTree(awaitRequest("/shipping/events", id).getBodyAsString());
        assertThat(shipping.at("/data/items/0/sku").asString()).isEqualTo("SHP-502");
        assertThat(shipping.get("sagaid").asString()).isEqualTo(id);
        String payment = awaitRequest("/payment/events", id).getBodyAsString();
        assertThat(payment).as("data no rule touches, byte for byte").contains("\"price\":0.1000000000000000055511").contains("\"amount\":1E+2");
        assertThat(JSON.readTree(awaitRecord("product.events", id).value()).at("/data/items/0/sku").asInt()).isEqualTo(502);

        await().until(() -> count("dragoman.events.duplicates", "type", "order.placed") >= 1);
        awaitDelivered(id, "shipping");
        assertThat(sentTo("/shipping/events", id)).as("published twice, delivered once").hasSize(1);
        assertThat(TestKafka.readCopies("product.events").stream().filter(r -> JSON.readTree(r.value()).path("id").asString().equals(id)))
                .hasSize(1);
    }

    @Test
    void aKafkaCopy_carriesThePublishsTrace_inItsValueAndAsRecordHeaders() {
        String id = newId();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e" + id.substring(0, 4).replaceAll("[^0-9a-f]", "a");
        http.post().uri("/events").header("X-Api-Key", "order-key").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(MediaType.valueOf("application/cloudevents+json")).bodyValue(EventsIntegrationTests.orderPlaced(id, "GX-1001", 10000))
                .exchange().expectStatus().isAccepted();

        ConsumerRecord<String, byte[]> record = awaitRecord("product.events", id);
        String extension = JSON.readTree(record.value()).get("traceparent").asString();
        assertThat(extension).as("the CloudEvents distributed-tracing extension").startsWith("00-" + traceId + "-");
        String header = new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
        assertThat(header).as("W3C Trace Context as a record header: the delivery's span, in the same trace").startsWith("00-" + traceId + "-")
                .isNotEqualTo(extension);
    }

    @Test
    void aRecordsTraceparentHeader_isContinuedByItsCopies() {
        String id = newId();
        String traceId = "0af7651916cd43dd8448eb211c80" + id.substring(0, 4).replaceAll("[^0-9a-f]", "a");
        TestKafka.produce("order.events", null, id, EventsIntegrationTests.note(id), "content-type", "application/cloudevents+json",
                "traceparent", "00-" + traceId + "-b7ad6b7169203331-01");

        JsonNode note = JSON.readTree(awaitRequest("/shipping/notes", id).getBodyAsString());
        assertThat(note.get("traceparent").asString()).as("the listener's span, the record's child").startsWith("00-" + traceId + "-")
                .doesNotContain("b7ad6b7169203331");
    }

    @Test
    void aBinaryModeRecord_isTakenLikeAStructuredOne() {
        String id = newId();
        TestKafka.produce("order.events", null, id, "{\"note\":\"leave at the door\"}",
                "ce_specversion", "1.0", "ce_id", id, "ce_source", "/order-service", "ce_type", "order.note",
                "ce_deadline", "2099-06-01T12:30:00Z", "content-type", "application/json");

        JsonNode note = JSON.readTree(awaitRequest("/shipping/notes", id).getBodyAsString());
        assertThat(note.get("type").asString()).isEqualTo("order.note");
        assertThat(note.get("deadline").asString()).isEqualTo("2099-06-01T12:30:00Z");
        assertThat(note.at("/data/note").asString()).isEqualTo("leave at the door");
    }

    @Test
    void invalidAndRefusedRecords_areSkippedAndCounted_andTheRecordsAfterThemAreTaken() {
        double invalid = count("dragoman.events.refused", "reason", "invalid-event");
        double forbidden = count("dragoman.events.refused", "reason", "event-not-publishable");
        double untranslatable = count("dragoman.events.refused", "reason", "untranslatable-identifier");
        TestKafka.produce("order.events", 0, "x", "{\"not\":\"a cloud event\"}");
        TestKafka.produceStructured("order.events", 0, "x", "{\"specversion\":\"1.0\", ");
        TestKafka.produceStructured("order.events", 0, "x", """
                {"specversion":"1.0","id":"%s","source":"/product-service","type":"product.reserved","sagaid":"s","data":{}}"""
                .formatted(newId()));
        TestKafka.produceStructured("order.events", 0, "x", EventsIntegrationTests.orderPlaced(newId(), "GX-9999", 1));
        String id = newId();
        TestKafka.produceStructured("order.events", 0, "x", EventsIntegrationTests.note(id));

        awaitRequest("/shipping/notes", id);
        assertThat(count("dragoman.events.refused", "reason", "invalid-event")).isEqualTo(invalid + 2);
        assertThat(count("dragoman.events.refused", "reason", "event-not-publishable")).isEqualTo(forbidden + 1);
        assertThat(count("dragoman.events.refused", "reason", "untranslatable-identifier")).isEqualTo(untranslatable + 1);
    }

    @Test
    void aRecordTooLongForTheStore_isSkippedAsRefused_andTheNextRecordOnItsPartitionIsTaken() {
        double invalid = count("dragoman.events.refused", "reason", "invalid-event");
        TestKafka.produceStructured("order.events", 1, "x", EventsIntegrationTests.note("i".repeat(1_100)));
        TestKafka.produceStructured("order.events", 1, "x", """
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.note","sagaid":"%s","data":{}}"""
                .formatted(newId(), "s".repeat(1_100)));
        String id = newId();
        TestKafka.produceStructured("order.events", 1, "x", EventsIntegrationTests.note(id));

        awaitRequest("/shipping/notes", id);
        assertThat(count("dragoman.events.refused", "reason", "invalid-event")).isEqualTo(invalid + 2);
        assertThat(count("dragoman.events.inbound.retried", "topic", "order.events")).as("not the store's fault").isZero();
    }

    @Test
    void dataTheEngineCannotRead_isSkippedAsRefused_notRetried() {
        double invalid = count("dragoman.events.refused", "reason", "invalid-event");
        String deep = "[".repeat(600) + "]".repeat(600);
        TestKafka.produceStructured("order.events", 1, "x", """
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.placed","data":{"items":%s}}"""
                .formatted(newId(), deep));
        TestKafka.produceStructured("order.events", 1, "x", """
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.note","data":%s}""".formatted(newId(), deep));
        TestKafka.produceBytes("order.events", 1, "x", "{\"items\":[],\"amount\":1}".getBytes(StandardCharsets.UTF_16LE),
                "ce_specversion", "1.0", "ce_id", newId(), "ce_source", "/order-service", "ce_type", "order.placed",
                "content-type", "application/json");
        TestKafka.produceStructured("order.events", 1, "x", """
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.placed","data":"not an object"}"""
                .formatted(newId()).replace("\"data\"", "\"datacontenttype\":\"text/plain\",\"data\""));
        String id = newId();
        TestKafka.produceStructured("order.events", 1, "x", EventsIntegrationTests.note(id));

        awaitRequest("/shipping/notes", id);
        assertThat(count("dragoman.events.refused", "reason", "invalid-event")).isEqualTo(invalid + 4);
        assertThat(count("dragoman.events.inbound.dead.lettered", "topic", "order.events")).isZero();
    }

    @Test
    void aRecordWhoseResolverDoesNotAnswer_goesToTheDeadLetterTopicAfterBoundedAttempts_andTheNextRecordIsTaken() {
        inboxes.stubFor(get(urlPathEqualTo("/resolve")).willReturn(aResponse().withStatus(503)));
        double deadLettered = count("dragoman.events.inbound.dead.lettered", "topic", "order.events");
        String gift = newId();
        TestKafka.produceStructured("order.events", 0, "x", """
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.gift","data":{"customer":"%s"}}""".formatted(gift, gift));
        String id = newId();
        TestKafka.produceStructured("order.events", 0, "x", EventsIntegrationTests.note(id));

        awaitRequest("/shipping/notes", id);
        ConsumerRecord<String, byte[]> dead = await().until(() -> TestKafka.readAll("order.events.dlt").stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(gift)).findFirst(), java.util.Optional::isPresent).get();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).as("the record as it came").contains("\"customer\":\"" + gift + "\"");
        assertThat(count("dragoman.events.inbound.dead.lettered", "topic", "order.events")).isEqualTo(deadLettered + 1);
        assertThat(inboxes.findAll(getRequestedFor(urlPathEqualTo("/resolve")).withQueryParam("value", equalTo(gift))))
                .as("a bounded number of attempts")
                .hasSize(KafkaInbound.ATTEMPTS);
        http.get().uri("/admin/events?source=/order-service&id=" + gift).header("X-Api-Key", "admin-key").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aKafkaInboxWhoseTopicDoesNotExist_isRejected() {
        String id = newId();
        publish("""
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.archived","data":{}}""".formatted(id))
                .expectStatus().isAccepted();

        await().untilAsserted(() -> http.get().uri("/admin/events?source=/order-service&id=" + id).header("X-Api-Key", "admin-key")
                .exchange().expectBody()
                .jsonPath("$.copies[0].status").isEqualTo("rejected")
                .jsonPath("$.copies[0].attempts").isEqualTo(1)
                .jsonPath("$.copies[0].lastError").isEqualTo("Kafka topic no.such.topic does not exist: create it, or correct the inbox"
                        + " 'kafka:no.such.topic'"));
    }

    // ---- helpers

    WebTestClient.ResponseSpec publish(String event) {
        return http.post().uri("/events").header("X-Api-Key", "order-key").contentType(MediaType.valueOf("application/cloudevents+json"))
                .bodyValue(event).exchange();
    }

    void awaitDelivered(String id, String receiver) {
        await().untilAsserted(() -> http.get().uri("/admin/events?source=/order-service&id=" + id).header("X-Api-Key", "admin-key")
                .exchange().expectBody()
                .jsonPath("$.copies[?(@.receiver == '" + receiver + "')].status").isEqualTo("delivered"));
    }

    double count(String name, String tag, String value) {
        Counter counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    static ConsumerRecord<String, byte[]> awaitRecord(String topic, String id) {
        return await().until(() -> TestKafka.readCopies(topic).stream().filter(r -> JSON.readTree(r.value()).path("id").asString().equals(id))
                .findFirst(), java.util.Optional::isPresent).get();
    }

    static LoggedRequest awaitRequest(String inbox, String id) {
        return await().until(() -> sentTo(inbox, id), list -> !list.isEmpty()).get(0);
    }

    static List<LoggedRequest> sentTo(String inbox, String id) {
        return inboxes.findAll(postRequestedFor(urlEqualTo(inbox)).withRequestBody(matchingJsonPath("$.id", equalTo(id))));
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
