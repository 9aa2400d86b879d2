package dev.dragoman.gateway.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Offsets are committed only after the event is durably stored": a record arrives on an
 * inbound Kafka topic while the real PostgreSQL store refuses connections. It is read again and
 * again, not skipped, and once the store is back it is stored and delivered.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.connection-timeout=1000",
        "dragoman.callers.order.api-keys=order-key",
        "dragoman.events.delivery.poll-interval=100ms",
        "dragoman.events.delivery.first-retry=200ms",
        "dragoman.events.delivery.max-retry=1s",
        "dragoman.events.kafka.group-id=dragoman-outage-it",
        "dragoman.events.kafka.topics[0].topic=order.outage.events",
        "dragoman.events.kafka.topics[0].context=order"})
@ExtendWith(TestKafka.class)
// closed after this class, while the broker still runs
@DirtiesContext
class KafkaStoreOutageIntegrationTests {

    static final WireMockServer inboxes = CloudEventOracle.inboxServer();

    @AfterEach
    void everyCopyIsAValidCloudEvent() {
        CloudEventOracle.assertEveryEventValid(inboxes);
    }
    static String database;

    @DynamicPropertySource
    static void postgresKafkaAndMaps(DynamicPropertyRegistry registry) {
        if (!inboxes.isRunning()) {
            inboxes.start();
            inboxes.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(202)));
        }
        TestKafka.createTopics(1, "order.outage.events");
        database = TestDatabases.usePostgres(registry);
        registry.add("dragoman.events.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("dragoman.context-maps", () -> EventMaps.write(inboxes.port()).toString());
    }

    @AfterAll
    static void stop() {
        inboxes.stop();
        TestDatabases.bringBack(database);
    }

    @Autowired
    MeterRegistry meters;

    @Test
    void aRecordReadWhileTheStoreIsDown_isReadAgainUntilStored_thenDelivered() {
        TestDatabases.takeAway(database);
        String id = UUID.randomUUID().toString();
        TestKafka.produceStructured("order.outage.events", null, id, """
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.note","data":{"note":"fragile"}}""".formatted(id));

        await("the record read, and refused by the store, twice").until(() -> retried() >= 2);

        TestDatabases.bringBack(database);
        await("the record stored and delivered once the store is back").until(() -> !inboxes.findAll(
                postRequestedFor(urlEqualTo("/shipping/notes")).withRequestBody(matchingJsonPath("$.id", equalTo(id)))).isEmpty());
    }

    private double retried() {
        var counter = meters.find("dragoman.events.inbound.retried").tag("topic", "order.outage.events").counter();
        return counter == null ? 0 : counter.count();
    }
}
