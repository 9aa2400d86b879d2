package dev.dragoman.gateway.process;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SPEC section 5, "Events survive a restart or a crash of the gateway (kill -9): none accepted with 202 is lost", on
 * the built jar: events are accepted while every inbox answers 503, the process is killed with SIGKILL (some of them
 * in the middle of being published, others of being delivered), the inboxes recover, and a new process on the same
 * data directory delivers every event that was answered 202.
 */
class EventDurabilityProcessIntegrationTests {

    private static final String ORDER_KEY = "durability-order-key";
    private static final String ADMIN_KEY = "durability-admin-key";
    private static final String SOURCE = "/order-service";
    private static final List<String> INBOXES = List.of("/product/events", "/payment/events");
    private static final int PUBLISHED_ONE_BY_ONE = 50;
    /** Enough answers that the kill falls on a process under load, with group commits of many events under way. */
    private static final int ACCEPTED_WHILE_KILLED = 300;
    /** Concurrent publishers of the burst: the load of docs/BENCHMARKS.md's group commit goal, so batches form. */
    private static final int PUBLISHERS = 32;
    private static final int SIGKILL_EXIT_CODE = 128 + 9;
    private static final Instant DEADLINE = Instant.now().plus(Duration.ofDays(1));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    private final InboxesAndGateways around = new InboxesAndGateways();
    private final WireMockServer inboxes = around.inboxes;

    @BeforeEach
    void inboxesRefuseEverything() {
        around.answering(503);
    }

    @AfterEach
    void stopEverything() {
        around.close();
    }

    @Test
    void everyEventAnswered202_isDeliveredByTheNextProcess_afterKill9() throws Exception {
        Path maps = writeMaps();
        GatewayProcess first = start(maps, "first.log");

        List<String> accepted = new ArrayList<>();
        for (int n = 0; n < PUBLISHED_ONE_BY_ONE; n++) {
            String id = UUID.randomUUID().toString();
            HttpResponse<String> answer = publish(first, id);
            assertThat(answer.statusCode()).withFailMessage("event %d: %s %s%n%s", n, answer.statusCode(), answer.body(), around.logs())
                    .isEqualTo(202);
            assertThat(JSON.readTree(answer.body()).path("duplicate").asBoolean()).isFalse();
            accepted.add(id);
        }
        String again = accepted.get(0);
        assertThat(JSON.readTree(publish(first, again).body()).path("duplicate").asBoolean())
                .as("the same source and id published again is a duplicate").isTrue();
        await("the first process trying to deliver (the inboxes answer 503)").atMost(Duration.ofSeconds(30))
                .until(() -> !inboxes.getAllServeEvents().isEmpty());

        Burst burst = publishConcurrentlyUntilKilled(first);
        accepted.addAll(burst.accepted);
        assertThat(burst.otherAnswers).as("answers other than 202 before the kill").isEmpty();

        // The inboxes come back; from here on the journal shows only what the next process delivers.
        inboxes.resetAll();
        inboxes.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(202)));
        GatewayProcess second = start(maps, "second.log");

        await("every event answered 202 before the kill, at every inbox").atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> INBOXES.forEach(inbox -> assertThat(idsReceivedAt(inbox))
                        .withFailMessage(() -> "%s has not received %s%n%s".formatted(inbox, missingAt(inbox, accepted), around.logs()))
                        .containsAll(accepted)));
        await("every copy of every accepted event marked delivered").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    for (String id : accepted) {
                        assertDelivered(second, id);
                    }
                });

        Map<String, Long> receivedBefore = countsAtInboxes(again);
        HttpResponse<String> duplicate = publish(second, again);
        assertThat(duplicate.statusCode()).isEqualTo(202);
        JsonNode answer = JSON.readTree(duplicate.body());
        assertThat(answer.path("duplicate").asBoolean()).as("a duplicate across the kill: %s", duplicate.body()).isTrue();
        assertThat(answer.path("receivers").size()).as("receivers of a duplicate").isZero();
        assertDelivered(second, again);
        // Whatever the duplicate might have sent would have gone out with an event published after it.
        String marker = UUID.randomUUID().toString();
        assertThat(publish(second, marker).statusCode()).isEqualTo(202);
        await("an event published after the duplicate, delivered").atMost(Duration.ofSeconds(20))
                .until(() -> INBOXES.stream().allMatch(inbox -> idsReceivedAt(inbox).contains(marker)));
        assertDelivered(second, marker);
        assertThat(countsAtInboxes(again)).as("copies of the duplicate received").isEqualTo(receivedBefore);
    }

    /**
     * Several publishers send events as fast as they are answered; once enough of them were answered 202, the process is
     * killed, so that publishes are in flight. An event whose 202 arrived was stored; one cut off may or may not have been.
     */
    private Burst publishConcurrentlyUntilKilled(GatewayProcess gateway) throws InterruptedException {
        Set<String> accepted = Collections.synchronizedSet(new LinkedHashSet<>());
        List<String> otherAnswers = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean killed = new AtomicBoolean();
        int publishers = PUBLISHERS;
        ExecutorService pool = Executors.newFixedThreadPool(publishers);
        try {
            for (int p = 0; p < publishers; p++) {
                pool.execute(() -> {
                    while (!killed.get()) {
                        String id = UUID.randomUUID().toString();
                        try {
                            HttpResponse<String> answer = publish(gateway, id);
                            if (answer.statusCode() == 202) {
                                accepted.add(id);
                            } else {
                                otherAnswers.add(answer.statusCode() + " " + answer.body());
                            }
                        } catch (IOException e) {
                            return; // the kill cut this one off
                        }
                    }
                });
            }
            await("publishers answered 202 before the kill").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                    .until(() -> accepted.size() >= ACCEPTED_WHILE_KILLED);
            int exitCode = gateway.kill();
            killed.set(true);
            assertThat(exitCode).as("exit code of a process killed by SIGKILL").isEqualTo(SIGKILL_EXIT_CODE);
        } finally {
            killed.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).as("publishers ended").isTrue();
        }
        synchronized (accepted) {
            return new Burst(List.copyOf(accepted), List.copyOf(otherAnswers));
        }
    }

    private record Burst(List<String> accepted, List<String> otherAnswers) {
    }

    private GatewayProcess start(Path maps, String log) {
        GatewayProcess gateway = GatewayProcess.start(work, work.resolve(log), Map.of(),
                "--dragoman.context-maps=" + maps,
                "--dragoman.data-dir=" + work.resolve("data"),
                "--dragoman.callers.order.api-keys=" + ORDER_KEY,
                "--dragoman.admin.api-keys=" + ADMIN_KEY,
                "--dragoman.events.delivery.timeout=1s",
                "--dragoman.events.delivery.lease=2s",
                "--dragoman.events.delivery.first-retry=200ms",
                "--dragoman.events.delivery.max-retry=500ms",
                "--dragoman.events.delivery.poll-interval=100ms");
        return around.started(gateway);
    }

    private Path writeMaps() {
        Path maps = work.resolve("maps");
        try {
            Files.createDirectories(maps);
            Files.writeString(maps.resolve("orders.yaml"), """
                    contexts:
                      order:   {inbox: http://127.0.0.1:%1$d/order/events}
                      product: {inbox: http://127.0.0.1:%1$d/product/events}
                      payment: {inbox: http://127.0.0.1:%1$d/payment/events}

                    events:
                      - type: order.placed
                        from: order
                        deadline: PT1H
                        deliver:
                          - to: product
                          - to: payment
                    """.formatted(inboxes.port()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return maps;
    }

    private static HttpResponse<String> publish(GatewayProcess gateway, String id) throws IOException {
        return gateway.post("/events", Map.of("X-Api-Key", ORDER_KEY, "Content-Type", "application/cloudevents+json"), """
                {"specversion":"1.0","id":"%s","source":"%s","type":"order.placed","deadline":"%s",
                 "datacontenttype":"application/json","data":{"items":[{"sku":"GX-1001","quantity":1}]}}"""
                .formatted(id, SOURCE, DEADLINE));
    }

    private void assertDelivered(GatewayProcess gateway, String id) throws IOException {
        HttpResponse<String> view = gateway.get("/admin/events?source=" + URLEncoder.encode(SOURCE, StandardCharsets.UTF_8) + "&id=" + id,
                Map.of("X-Api-Key", ADMIN_KEY));
        assertThat(view.statusCode()).withFailMessage("event %s: %s %s", id, view.statusCode(), view.body()).isEqualTo(200);
        List<String> copies = new ArrayList<>();
        JSON.readTree(view.body()).path("copies").forEach(copy ->
                copies.add(copy.path("receiver").asString() + " " + copy.path("status").asString()));
        assertThat(copies).as("copies of %s", id).containsExactlyInAnyOrder("product delivered", "payment delivered");
    }

    private Set<String> idsReceivedAt(String inbox) {
        return inboxes.findAll(postRequestedFor(urlEqualTo(inbox))).stream()
                .map(request -> JSON.readTree(request.getBodyAsString()).path("id").asString())
                .collect(Collectors.toSet());
    }

    private List<String> missingAt(String inbox, List<String> ids) {
        Set<String> received = idsReceivedAt(inbox);
        return ids.stream().filter(id -> !received.contains(id)).toList();
    }

    private Map<String, Long> countsAtInboxes(String id) {
        return INBOXES.stream().collect(Collectors.toMap(inbox -> inbox, inbox -> inboxes.findAll(postRequestedFor(urlEqualTo(inbox))).stream()
                .filter(request -> id.equals(JSON.readTree(request.getBodyAsString()).path("id").asString())).count()));
    }
}
