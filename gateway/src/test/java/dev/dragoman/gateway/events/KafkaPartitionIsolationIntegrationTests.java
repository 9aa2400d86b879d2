package dev.dragoman.gateway.events;

import dev.dragoman.gateway.intake.KafkaInbound;
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
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "One bad record never holds up another partition or topic": order publishes on two topics, the
 * first of two partitions. While a record on one partition waits between its attempts, with a
 * backoff far longer than the test waits, records on the other partition and the other topic are
 * taken.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.callers.order.api-keys=order-key",
        "dragoman.events.delivery.poll-interval=50ms",
        "dragoman.events.delivery.first-retry=" + KafkaPartitionIsolationIntegrationTests.BACKOFF_SECONDS + "s",
        "dragoman.events.delivery.max-retry=" + KafkaPartitionIsolationIntegrationTests.BACKOFF_SECONDS + "s",
        "dragoman.events.kafka.group-id=dragoman-isolation-it",
        "dragoman.events.kafka.topics[0].topic=isolation.orders",
        "dragoman.events.kafka.topics[0].context=order",
        "dragoman.events.kafka.topics[1].topic=isolation.more.orders",
        "dragoman.events.kafka.topics[1].context=order"})
@ExtendWith(TestKafka.class)
// closed after this class, while the broker still runs
@DirtiesContext
class KafkaPartitionIsolationIntegrationTests {

    static final int BACKOFF_SECONDS = 20;
    /** Well within the failing record's first backoff, and ample for a record that nothing holds up. */
    static final Duration PROMPTLY = Duration.ofSeconds(BACKOFF_SECONDS / 4);

    static final WireMockServer inboxes = CloudEventOracle.inboxServer();

    @DynamicPropertySource
    static void kafkaAndMaps(DynamicPropertyRegistry registry) {
        if (!inboxes.isRunning()) {
            inboxes.start();
            inboxes.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(202)));
            inboxes.stubFor(get(urlPathEqualTo("/resolve")).willReturn(aResponse().withStatus(503)));
        }
        TestKafka.createTopics(2, "isolation.orders", "isolation.orders.dlt");
        TestKafka.createTopics(1, "isolation.more.orders");
        registry.add("dragoman.events.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("dragoman.context-maps", () -> EventMaps.write(inboxes.port()).toString());
    }

    @AfterAll
    static void stopInboxes() {
        inboxes.stop();
    }

    @Autowired
    KafkaInbound inbound;

    @Test
    void whileARecordWaitsBetweenItsAttempts_recordsOnAnotherPartitionAndAnotherTopic_areTakenPromptly() {
        await().until(() -> inbound.assignedPartitions().size() == 3);
        assertThat(inbound.assignedPartitions()).containsExactlyInAnyOrder(new TopicPartition("isolation.orders", 0),
                new TopicPartition("isolation.orders", 1), new TopicPartition("isolation.more.orders", 0));
        String gift = UUID.randomUUID().toString();
        TestKafka.produceStructured("isolation.orders", 0, "x", """
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.gift","data":{"customer":"%s"}}""".formatted(gift, gift));
        await().until(() -> !inboxes.findAll(getRequestedFor(urlPathEqualTo("/resolve")).withQueryParam("value", equalTo(gift))).isEmpty());

        String otherPartition = UUID.randomUUID().toString();
        String otherTopic = UUID.randomUUID().toString();
        TestKafka.produceStructured("isolation.orders", 1, "x", EventsIntegrationTests.note(otherPartition));
        TestKafka.produceStructured("isolation.more.orders", 0, "x", EventsIntegrationTests.note(otherTopic));

        await().atMost(PROMPTLY).untilAsserted(() -> {
            assertThat(notesWithId(otherPartition)).as("the failing record's topic, another partition").isOne();
            assertThat(notesWithId(otherTopic)).as("another topic").isOne();
        });
        assertThat(inboxes.findAll(getRequestedFor(urlPathEqualTo("/resolve")).withQueryParam("value", equalTo(gift))))
                .as("the failing record still waits for its second attempt").hasSize(1);
    }

    static int notesWithId(String id) {
        return inboxes.findAll(postRequestedFor(urlEqualTo("/shipping/notes")).withRequestBody(matchingJsonPath("$.id", equalTo(id)))).size();
    }
}
