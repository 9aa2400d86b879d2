package dev.dragoman.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Meter tags never take a value from a request (issue 12, item 8): a thousand different unknown
 * identifiers, in every place a rule reads, and as many unknown paths, register no meter.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.context-maps=src/test/resources/maps/ops",
        "dragoman.callers.web-support.api-keys=ws-key",
        "dragoman.admin.api-keys=admin-key",
        "dragoman.reload.watch=false"})
@AutoConfigureWebTestClient
class UnknownValuesMetersIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry registry;

    @Test
    void aThousandDifferentUnknownValuesRegisterNoMeter() {
        for (int i = 0; i < 5; i++) {
            send(i, "warm-up-" + i);
        }
        Set<Meter.Id> before = meters();

        for (int i = 0; i < 1000; i++) {
            send(i, "u" + i);
        }

        Set<Meter.Id> added = meters();
        added.removeAll(before);
        // the JVM's own meters appear when it first does something (a kind of GC pause), whatever the requests were
        added.removeIf(id -> id.getName().startsWith("jvm."));
        // Spring's own request meters may appear late with bounded tags of their own (a 404's
        // exception, say); what must never appear is a series per value sent
        assertThat(added).as("meters added by 1,000 requests of 1,000 different values").hasSizeLessThan(5)
                .allSatisfy(id -> assertThat(id.getTags()).noneMatch(tag -> tag.getValue().matches(".*\\bu\\d+\\b.*")));
    }

    @Test
    void manyUnknownValuesInOneBodyAreCountedWithoutOneSeriesEach() {
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            codes.append(i == 0 ? "" : ",").append(700_000 + i);
        }

        http.post().uri("/strict/games").header("X-Api-Key", "ws-key").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"codes\":[" + codes + "]}").exchange().expectStatus().isEqualTo(422);

        double unknown = registry.find("dragoman.identifiers.unknown").tag("route", "strict").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
        assertThat(unknown).isGreaterThanOrEqualTo(300);
        assertThat(registry.find("dragoman.identifiers.unknown").counters()).allSatisfy(counter ->
                assertThat(counter.getId().getTag("concept")).isIn("game", TranslationMetrics.UNLISTED));
    }

    /** One request with one unknown value, in the path, the query, a header or the body, or on a path no route serves. */
    private void send(int i, String value) {
        switch (i % 5) {
            case 0 -> http.get().uri("/strict/games/" + value).header("X-Api-Key", "ws-key").exchange().expectStatus().isEqualTo(422);
            case 1 -> http.get().uri("/strict/search?gameCode=" + value).header("X-Api-Key", "ws-key").exchange()
                    .expectStatus().isEqualTo(422);
            case 2 -> http.get().uri("/strict/search").header("X-Api-Key", "ws-key").header("X-Game-Code", value).exchange()
                    .expectStatus().isEqualTo(422);
            case 3 -> http.post().uri("/strict/games").header("X-Api-Key", "ws-key").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"codes\":[\"" + value + "\"]}").exchange().expectStatus().isEqualTo(422);
            default -> http.get().uri("/nowhere/" + value).header("X-Api-Key", "ws-key").exchange().expectStatus().isNotFound();
        }
    }

    private Set<Meter.Id> meters() {
        return registry.getMeters().stream().map(Meter::getId).collect(Collectors.toSet());
    }
}
