package dev.dragoman.gateway.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tracing end to end (docs/OPERATIONS.md, "Tracing"): the spans are read from OpenTelemetry's
 * in-memory exporter, the traceparent each side received from the WireMock upstream and inboxes.
 * One trace per HTTP call (the caller's, through the gateway's own spans, to the upstream), and
 * one per saga (its copies, its outcome and its compensation, each delivery a span in it). Boot's
 * default sampling stays: a caller's sampled flag decides, and an unsampled trace still propagates.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.callers.order.api-keys=order-key",
        "dragoman.callers.product.api-keys=product-key",
        "dragoman.callers.payment.api-keys=payment-key",
        "dragoman.admin.api-keys=admin-key",
        "dragoman.reload.watch=false",
        "dragoman.events.delivery.poll-interval=50ms",
        "dragoman.events.delivery.timeout=2s",
        "dragoman.events.delivery.lease=5s",
        "management.opentelemetry.tracing.export.schedule-delay=50ms"})
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class TracingIntegrationTests {

    static final WireMockServer inboxes = CloudEventOracle.inboxServer();
    static final WireMockServer upstream = new WireMockServer(
            com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TestConfiguration
    static class Spans {
        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @DynamicPropertySource
    static void maps(DynamicPropertyRegistry registry) {
        if (!inboxes.isRunning()) {
            inboxes.start();
            upstream.start();
        }
        registry.add("dragoman.context-maps", () -> {
            Path maps = EventMaps.write(inboxes.port());
            try {
                Files.writeString(maps.resolve("routes.yaml"), """
                        routes:
                          - id: order-to-product
                            from: order
                            to: product
                            path: /product/**
                            strip-prefix: 1
                            upstream: http://127.0.0.1:%d
                          - id: order-to-nowhere
                            from: order
                            to: product
                            path: /nowhere/**
                            strip-prefix: 1
                            upstream: http://127.0.0.1:1
                        compositions:
                          - id: item-view
                            for: order
                            path: /views/item
                            parts:
                              - name: item
                                route: order-to-product
                                path: /product/items/7
                                into: $.item
                        """.formatted(upstream.port()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return maps.toString();
        });
    }

    @AfterAll
    static void stop() {
        inboxes.stop();
        upstream.stop();
    }

    @Autowired
    WebTestClient http;

    @Autowired
    InMemorySpanExporter spans;

    @BeforeEach
    void answer() {
        inboxes.resetAll();
        inboxes.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(202)));
        upstream.resetAll();
        upstream.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    @AfterEach
    void everyCopyIsAValidCloudEvent() {
        CloudEventOracle.assertEveryEventValid(inboxes);
    }

    // ---- HTTP: one trace per call

    @Test
    void aCallersTrace_continuesThroughTheGatewaysSpans_toTheUpstream() {
        String traceId = newTraceId();
        String callerSpan = newSpanId();
        call("/product/items/7", "00-" + traceId + "-" + callerSpan + "-01").expectStatus().isOk();

        Traceparent received = upstreamTraceparent();
        assertThat(received.traceId()).as("the caller's trace, continued").isEqualTo(traceId);
        assertThat(received.parentId()).as("the gateway's own span between").isNotEqualTo(callerSpan);
        assertThat(received.sampled()).as("the caller's sampling decision").isTrue();

        List<SpanData> trace = awaitSpans(traceId, s -> s.stream().anyMatch(span -> span.getSpanId().equals(received.parentId())));
        SpanData server = trace.stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        assertThat(server.getParentSpanId()).as("the gateway's server span is the caller's child").isEqualTo(callerSpan);
        SpanData client = trace.stream().filter(span -> span.getSpanId().equals(received.parentId())).findFirst().orElseThrow();
        assertThat(client.getKind()).as("the upstream's parent is the gateway's client span").isEqualTo(SpanKind.CLIENT);
        assertThat(client.getParentSpanId()).as("inside the server span").isEqualTo(server.getSpanId());
        assertThat(spans.getFinishedSpanItems().stream().filter(span -> span.getParentSpanId().equals(callerSpan)))
                .as("one trace per call: one span of the gateway's answers the caller's").hasSize(1);
    }

    @Test
    void aCallersTrace_continuesToEveryPartOfAComposedRead() {
        String traceId = newTraceId();
        String callerSpan = newSpanId();
        call("/views/item", "00-" + traceId + "-" + callerSpan + "-01").expectStatus().isOk();

        Traceparent received = upstreamTraceparent();
        assertThat(received.traceId()).as("the caller's trace, continued to the part's upstream").isEqualTo(traceId);
        assertThat(received.parentId()).as("the gateway's own span between").isNotEqualTo(callerSpan);
        List<SpanData> trace = awaitSpans(traceId, s -> s.stream().anyMatch(span -> span.getSpanId().equals(received.parentId())));
        assertThat(trace.stream().filter(span -> span.getSpanId().equals(received.parentId())).map(SpanData::getKind))
                .as("the part's call is a client span of the gateway's").containsExactly(SpanKind.CLIENT);
    }

    @Test
    void anUnsampledTrace_stillReachesTheUpstream() {
        String traceId = newTraceId();
        call("/product/items/7", "00-" + traceId + "-" + newSpanId() + "-00").expectStatus().isOk();

        Traceparent received = upstreamTraceparent();
        assertThat(received.traceId()).as("propagation does not depend on sampling").isEqualTo(traceId);
        assertThat(received.sampled()).isFalse();
    }

    @Test
    void aCallWithoutTraceparent_getsOneFromTheGateway() {
        call("/product/items/7", null).expectStatus().isOk();

        assertThat(upstreamTraceparent().traceId()).matches("[0-9a-f]{32}");
    }

    @Test
    void theLogLineOfAFailedCall_carriesTheTraceId(CapturedOutput output) {
        String traceId = newTraceId();
        call("/nowhere/items/7", "00-" + traceId + "-" + newSpanId() + "-01").expectStatus().isEqualTo(502);

        await().untilAsserted(() -> assertThat(output.getOut().lines().filter(line -> line.contains("WARN")))
                .as("the 502's WARN line").anyMatch(line -> line.contains(traceId)));
    }

    // ---- events: the publish's trace on every copy, the saga's on its outcome and compensations

    @Test
    void aSagasCopiesOutcomeAndCompensation_allCarryTheTraceOfItsStart() {
        String saga = EventsIntegrationTests.newId();
        String traceId = newTraceId();
        String callerSpan = newSpanId();
        publish("order-key", EventsIntegrationTests.orderPlaced(saga, "GX-1001", 10000), "00-" + traceId + "-" + callerSpan + "-01");
        for (String inbox : List.of("/product/events", "/payment/events", "/shipping/events")) {
            assertInTrace(awaitCopy(inbox, "order.placed", saga), traceId);
        }

        // the reports come in traces of their own: the saga's events keep the start's
        publish("payment-key", EventsIntegrationTests.report(saga, "payment.captured", "{\"amount\":10000,\"currency\":\"EUR\"}"),
                "00-" + newTraceId() + "-" + newSpanId() + "-01");
        publish("product-key", EventsIntegrationTests.report(saga, "product.out-of-stock", "{\"items\":[{\"sku\":501}]}"), null);

        for (String inbox : List.of("/order/events", "/product/events", "/payment/events")) {
            assertInTrace(awaitCopy(inbox, "order.cancelled", saga), traceId);
        }
        assertInTrace(awaitCopy("/payment/events", "payment.refund", saga), traceId);

        List<SpanData> trace = awaitSpans(traceId, s -> names(s).containsAll(Set.of("deliver order.placed", "deliver order.cancelled",
                "deliver payment.refund")));
        SpanData publish = trace.stream().filter(span -> span.getParentSpanId().equals(callerSpan)).findFirst().orElseThrow();
        assertThat(publish.getKind()).as("POST /events, the caller's child").isEqualTo(SpanKind.SERVER);
        assertThat(trace.stream().filter(span -> span.getName().equals("deliver order.placed")))
                .as("each copy's delivery, a child of the publish's span").hasSize(3)
                .allMatch(span -> span.getParentSpanId().equals(publish.getSpanId()));
        LoggedRequest refund = awaitRequest("/payment/events", "payment.refund", saga);
        Traceparent header = Traceparent.parse(refund.getHeader("traceparent"));
        assertThat(trace.stream().filter(span -> span.getSpanId().equals(header.parentId())).map(SpanData::getName))
                .as("the inbox's traceparent header names the delivery's span").containsExactly("deliver payment.refund");
    }

    @Test
    void anEventsOwnTraceparent_winsOverTheRequests() {
        String id = EventsIntegrationTests.newId();
        String own = "00-" + newTraceId() + "-" + newSpanId() + "-01";
        publish("order-key", """
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.note","traceparent":"%s","tracestate":"vendor=x",
                 "data":{"note":"fragile"}}""".formatted(id, own), "00-" + newTraceId() + "-" + newSpanId() + "-01");

        JsonNode note = JSON.readTree(awaitRequest("/shipping/notes", "order.note", id).getBodyAsString());
        assertThat(note.get("traceparent").asString()).as("carried unchanged").isEqualTo(own);
        assertThat(note.get("tracestate").asString()).isEqualTo("vendor=x");
    }

    @Test
    void aMalformedTraceparentExtension_isRefusedWithWhatIsWrong() {
        http.post().uri("/events").header("X-Api-Key", "order-key").contentType(MediaType.valueOf("application/cloudevents+json"))
                .bodyValue("""
                        {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.note","traceparent":"00-abc-def-01",
                         "data":{"note":"fragile"}}""".formatted(EventsIntegrationTests.newId()))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("'00-abc-def-01' is not a W3C traceparent"));
    }

    // ---- helpers

    WebTestClient.ResponseSpec call(String path, String traceparent) {
        WebTestClient.RequestHeadersSpec<?> request = http.get().uri(path).header("X-Api-Key", "order-key");
        if (traceparent != null) {
            request = request.header("traceparent", traceparent);
        }
        return request.exchange();
    }

    void publish(String key, String event, String traceparent) {
        WebTestClient.RequestBodySpec request = http.post().uri("/events").header("X-Api-Key", key)
                .contentType(MediaType.valueOf("application/cloudevents+json"));
        if (traceparent != null) {
            request = request.header("traceparent", traceparent);
        }
        request.bodyValue(event).exchange().expectStatus().isAccepted();
    }

    Traceparent upstreamTraceparent() {
        List<LoggedRequest> requests = upstream.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return Traceparent.parse(requests.get(0).getHeader("traceparent"));
    }

    List<SpanData> awaitSpans(String traceId, java.util.function.Predicate<List<SpanData>> complete) {
        return await().until(() -> spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList(),
                complete);
    }

    static Set<String> names(List<SpanData> spans) {
        return spans.stream().map(SpanData::getName).collect(Collectors.toSet());
    }

    static JsonNode awaitCopy(String inbox, String type, String sagaId) {
        return JSON.readTree(awaitRequest(inbox, type, sagaId).getBodyAsString());
    }

    static LoggedRequest awaitRequest(String inbox, String type, String sagaIdOrId) {
        return awaitRequest(inboxes, inbox, type, sagaIdOrId);
    }

    static LoggedRequest awaitRequest(WireMockServer inboxes, String inbox, String type, String sagaIdOrId) {
        return await().until(() -> inboxes.findAll(postRequestedFor(urlEqualTo(inbox)).withRequestBody(matchingJsonPath("$.type", equalTo(type))))
                .stream().filter(r -> {
                    JsonNode event = JSON.readTree(r.getBodyAsString());
                    return sagaIdOrId.equals(event.path("sagaid").asString()) || sagaIdOrId.equals(event.path("id").asString());
                }).findFirst(), java.util.Optional::isPresent).get();
    }

    /** The copy's extension and the inbox's header are both in the trace; the header's parent is the delivery's span. */
    static void assertInTrace(JsonNode copy, String traceId) {
        assertThat(Traceparent.parse(copy.path("traceparent").asString()).traceId()).as(copy.path("type").asString() + "'s traceparent")
                .isEqualTo(traceId);
    }

    static String newTraceId() {
        return HexFormat.of().formatHex(randomBytes(16));
    }

    static String newSpanId() {
        return HexFormat.of().formatHex(randomBytes(8));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1;
        return bytes;
    }

    record Traceparent(String traceId, String parentId, boolean sampled) {
        static Traceparent parse(String header) {
            assertThat(header).as("a traceparent").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
            String[] parts = header.split("-");
            return new Traceparent(parts[1], parts[2], parts[3].equals("01"));
        }
    }
}
