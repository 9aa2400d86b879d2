package dev.dragoman.gateway.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.UUID;
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
 * The gateway on a real PostgreSQL that goes away: while the database refuses connections, a
 * publish is answered 503 with Retry-After (nothing accepted, nothing lost: the publisher
 * publishes again); once it is back, publishing and delivery go on by themselves.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.callers.order.api-keys=order-key",
        "spring.datasource.hikari.connection-timeout=1000",
        "dragoman.events.delivery.poll-interval=100ms"})
@AutoConfigureWebTestClient
class EventStoreOutageIntegrationTests {

    static final WireMockServer inboxes = CloudEventOracle.inboxServer();

    @AfterEach
    void everyCopyIsAValidCloudEvent() {
        CloudEventOracle.assertEveryEventValid(inboxes);
    }
    static String database;

    @DynamicPropertySource
    static void postgresAndMaps(DynamicPropertyRegistry registry) {
        if (!inboxes.isRunning()) {
            inboxes.start();
            inboxes.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(202)));
        }
        database = TestDatabases.usePostgres(registry);
        registry.add("dragoman.context-maps", () -> EventMaps.write(inboxes.port()).toString());
    }

    @AfterAll
    static void stop() {
        inboxes.stop();
        TestDatabases.bringBack(database);
    }

    @Autowired
    WebTestClient http;

    @Test
    void whileTheDatabaseIsDown_publishingIs503WithRetryAfter_andAfterwardsEverythingGoesOn() {
        TestDatabases.takeAway(database);
        String refused = UUID.randomUUID().toString();
        publish(refused).expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/event-store-unavailable");

        TestDatabases.bringBack(database);
        await().untilAsserted(() -> publish(refused).expectStatus().isAccepted());
        await().until(() -> !inboxes.findAll(postRequestedFor(urlEqualTo("/shipping/notes"))).isEmpty());
    }

    WebTestClient.ResponseSpec publish(String id) {
        return http.post().uri("/events").header("X-Api-Key", "order-key").contentType(MediaType.valueOf("application/cloudevents+json"))
                .bodyValue("""
                        {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.note","data":{"note":"fragile"}}"""
                        .formatted(id))
                .exchange();
    }
}
