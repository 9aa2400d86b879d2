package dev.dragoman.gateway.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A backlog bigger than one batch drains as fast as the receivers answer: the poll interval is
 * an hour here, so every copy past the first batches is sent only because finished sends ask
 * for the next claim (before, delivery was capped at batch-size copies per poll interval).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.callers.order.api-keys=order-key",
        "dragoman.events.delivery.poll-interval=1h",
        "dragoman.events.delivery.batch-size=2",
        "dragoman.events.delivery.timeout=2s",
        "dragoman.events.delivery.lease=5s"})
@AutoConfigureWebTestClient
class DeliveryBacklogIntegrationTests {

    static final WireMockServer inboxes = CloudEventOracle.inboxServer();

    @AfterEach
    void everyCopyIsAValidCloudEvent() {
        CloudEventOracle.assertEveryEventValid(inboxes);
    }

    @DynamicPropertySource
    static void maps(DynamicPropertyRegistry registry) {
        if (!inboxes.isRunning()) {
            inboxes.start();
            inboxes.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(202).withFixedDelay(20)));
        }
        registry.add("dragoman.context-maps", () -> EventMaps.write(inboxes.port()).toString());
    }

    @AfterAll
    static void stopInboxes() {
        inboxes.stop();
    }

    @Autowired
    WebTestClient http;

    @Test
    void aBacklogOfManyBatchesIsDeliveredWithoutWaitingForTheNextPoll() {
        int events = 20;
        for (int i = 0; i < events; i++) {
            http.post().uri("/events").header("X-Api-Key", "order-key").contentType(MediaType.valueOf("application/cloudevents+json"))
                    .bodyValue(EventsIntegrationTests.orderPlaced(EventsIntegrationTests.newId(), "GX-1001", 10)).exchange()
                    .expectStatus().isAccepted();
        }

        // three subscribers each: 60 copies, 30 batches of 2, against one poll an hour
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(inboxes.countRequestsMatching(postRequestedFor(urlPathMatching("/.*")).build()).getCount()).isEqualTo(3 * events));
    }
}
