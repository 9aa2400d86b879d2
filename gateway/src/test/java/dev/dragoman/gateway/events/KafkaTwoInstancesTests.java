package dev.dragoman.gateway.events;

import dev.dragoman.gateway.intake.KafkaInbound;
import dev.dragoman.gateway.outbox.EventStoreConfiguration;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.dragoman.gateway.DragomanApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SPEC section 7 with Kafka: two gateway instances (two application contexts in this JVM) share
 * one database and one consumer group. Order publishes on a topic of two partitions; product's
 * inbox is a topic, the others are WireMock's. Every event is taken by one instance, stored
 * once, and each of its copies delivered once, translated.
 */
@ExtendWith(TestKafka.class)
class KafkaTwoInstancesTests {

    static final int EVENTS = 20;
    static final JsonMapper JSON = JsonMapper.builder().build();

    final WireMockServer inboxes = CloudEventOracle.inboxServer();
    final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void everyCopyIsAValidCloudEvent() {
        CloudEventOracle.assertEveryEventValid(inboxes);
    }

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        inboxes.stop();
    }

    @Test
    void twoInstancesInOneGroup_shareThePartitions_andEveryEventIsStoredOnceAndDeliveredOnce_translated() {
        inboxes.start();
        inboxes.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(202)));
        TestKafka.createTopics(2, "two.orders", "two.products");
        Path maps = EventMaps.write(inboxes.port(), "kafka:two.products");
        String database = "jdbc:h2:mem:two-instances-" + UUID.randomUUID() + EventStoreConfiguration.H2_SETTINGS + ";DB_CLOSE_DELAY=-1";
        instances.add(start(maps, database));
        instances.add(start(maps, database));
        await().atMost(Duration.ofSeconds(30)).until(() -> instances.stream()
                .allMatch(instance -> instance.getBean(KafkaInbound.class).assignedPartitions().size() == 1));

        List<String> ids = IntStream.range(0, EVENTS).mapToObj(i -> UUID.randomUUID().toString()).toList();
        for (int i = 0; i < EVENTS; i++) {
            TestKafka.produceStructured("two.orders", i % 2, ids.get(i), EventsIntegrationTests.orderPlaced(ids.get(i),
                    i % 2 == 0 ? "GX-1001" : "GX-1002", i));
        }

        Map<String, JsonNode> products = await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.readCopies("two.products").stream()
                .map(r -> JSON.readTree(r.value())).collect(Collectors.toMap(e -> e.path("id").asString(), Function.identity(), (a, b) -> a)),
                received -> received.keySet().containsAll(ids));
        await().until(() -> inboxes.findAll(postRequestedFor(urlEqualTo("/shipping/events"))).size() >= EVENTS);

        assertThat(TestKafka.readCopies("two.products")).as("each copy sent once").hasSize(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            assertThat(products.get(ids.get(i)).at("/data/items/0/sku").asInt()).as("translated for product").isEqualTo(i % 2 == 0 ? 501 : 502);
            assertThat(products.get(ids.get(i)).get("sagaid").asString()).isEqualTo(ids.get(i));
        }
        List<JsonNode> shipping = inboxes.findAll(postRequestedFor(urlEqualTo("/shipping/events"))).stream()
                .map(r -> JSON.readTree(r.getBodyAsString())).toList();
        assertThat(shipping).hasSize(EVENTS);
        assertThat(shipping.stream().map(e -> e.path("id").asString()).collect(Collectors.toSet())).isEqualTo(Set.copyOf(ids));
        assertThat(shipping).allSatisfy(e -> assertThat(e.at("/data/items/0/sku").asString()).startsWith("SHP-50"));

        List<Double> accepted = instances.stream().map(instance -> {
            Counter counter = instance.getBean(MeterRegistry.class).find("dragoman.events.accepted").tag("type", "order.placed").counter();
            return counter == null ? 0.0 : counter.count();
        }).toList();
        assertThat(accepted).as("each instance took its partition's events").allSatisfy(n -> assertThat(n).isPositive());
        assertThat(accepted.stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(EVENTS);
        JdbcClient jdbc = instances.get(0).getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM published_event").query(Long.class).single()).as("none stored twice").isEqualTo(EVENTS);
        await().untilAsserted(() -> assertThat(jdbc.sql("SELECT status, COUNT(*) AS n FROM delivery GROUP BY status")
                .query((rs, n) -> rs.getString("status") + "=" + rs.getLong("n")).list()).containsExactly("DELIVERED=" + 3 * EVENTS));
    }

    private static ConfigurableApplicationContext start(Path maps, String database) {
        // Command-line arguments, which win over application.yaml (its server.port among them).
        return new SpringApplicationBuilder(DragomanApplication.class).run(
                "--server.port=0",
                "--dragoman.context-maps=" + maps,
                "--dragoman.reload.watch=false",
                "--dragoman.callers.order.api-keys=order-key",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=sa",
                "--dragoman.events.delivery.poll-interval=50ms",
                "--dragoman.events.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "--dragoman.events.kafka.group-id=dragoman-two-instances",
                // one consumer each: with a consumer per partition on both, one instance could hold both partitions
                "--dragoman.events.kafka.max-consumers-per-topic=1",
                "--dragoman.events.kafka.topics[0].topic=two.orders",
                "--dragoman.events.kafka.topics[0].context=order");
    }
}
