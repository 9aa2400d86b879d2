package dev.dragoman.gateway.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Tracing off ({@code management.tracing.export.enabled=false}, docs/OPERATIONS.md, "Tracing"):
 * no span of the gateway's, so a caller's traceparent reaches the upstream as it came, and a copy
 * carries only the extension its event brought.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.callers.order.api-keys=order-key",
        "dragoman.admin.api-keys=admin-key",
        "dragoman.reload.watch=false",
        "dragoman.events.delivery.poll-interval=50ms",
        "management.tracing.export.enabled=false"})
@AutoConfigureWebTestClient
class TracingOffIntegrationTests {

    static final WireMockServer inboxes = CloudEventOracle.inboxServer();
    static final WireMockServer upstream = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

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
                          - {id: order-to-product, from: order, to: product, path: /product/**, strip-prefix: 1, upstream: "http://127.0.0.1:%d"}
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

    @Test
    void aCallersTraceparent_reachesTheUpstreamAsItCame() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        http.get().uri("/product/items/7").header("X-Api-Key", "order-key").header("traceparent", traceparent).exchange()
                .expectStatus().isOk();

        assertThat(upstream.findAll(anyRequestedFor(anyUrl())).get(0).getHeader("traceparent")).isEqualTo(traceparent);
    }

    @Test
    void aCopy_carriesNoTraceButTheOneItsEventBrought() {
        String plain = EventsIntegrationTests.newId();
        String traced = EventsIntegrationTests.newId();
        String own = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        publish(EventsIntegrationTests.note(plain));
        publish("""
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.note","traceparent":"%s","data":{}}"""
                .formatted(traced, own));

        JsonNode plainCopy = TracingIntegrationTests.JSON.readTree(
                TracingIntegrationTests.awaitRequest(inboxes, "/shipping/notes", "order.note", plain).getBodyAsString());
        assertThat(plainCopy.has("traceparent")).isFalse();
        var tracedCopy = TracingIntegrationTests.awaitRequest(inboxes, "/shipping/notes", "order.note", traced);
        assertThat(TracingIntegrationTests.JSON.readTree(tracedCopy.getBodyAsString()).get("traceparent").asString()).isEqualTo(own);
        assertThat(tracedCopy.getHeader("traceparent")).as("the extension's context, as the delivery's header").isEqualTo(own);
    }

    void publish(String event) {
        http.post().uri("/events").header("X-Api-Key", "order-key").contentType(MediaType.valueOf("application/cloudevents+json"))
                .bodyValue(event).exchange().expectStatus().isAccepted();
    }
}
