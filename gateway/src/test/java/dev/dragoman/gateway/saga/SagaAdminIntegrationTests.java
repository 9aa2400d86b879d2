package dev.dragoman.gateway.saga;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.dragoman.gateway.events.EventMaps;
import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.Participant;
import dev.dragoman.rules.model.Saga;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The saga side of the admin API over real HTTP (docs/ADMIN.md, "Events and sagas"): the search
 * paged through to the end against an in-memory oracle, an operator's abort with what it sends,
 * the change token, and the parameters it refuses.
 *
 * <p>The search fuzz prints its seed; {@code -Dfuzz.seed=N} replays a run, {@code -Dfuzz.runs=N}
 * sets how many searches it pages through.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.callers.order.api-keys=order-key",
        "dragoman.callers.product.api-keys=product-key",
        "dragoman.callers.payment.api-keys=payment-key",
        "dragoman.callers.shipping.api-keys=shipping-key",
        "dragoman.admin.api-keys=admin-key",
        "dragoman.events.delivery.poll-interval=50ms"})
@AutoConfigureWebTestClient
class SagaAdminIntegrationTests {

    static final WireMockServer inboxes = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Participant PRODUCT = new Participant("product", "product.reserved", "product.out-of-stock", "product.release", List.of());
    static final Participant PAYMENT = new Participant("payment", "payment.captured", "payment.declined", "payment.refund",
            List.of(JsonPath.parse("$.amount")));
    static final Saga ORDERS = new Saga("order-placement", "order.placed", Duration.ofMinutes(10), List.of(PRODUCT, PAYMENT),
            new Saga.Outcome("order.confirmed", "order.cancelled"));
    static final Saga RETURNS = new Saga("returns", "return.asked", Duration.ofMinutes(10), List.of(PAYMENT),
            new Saga.Outcome("return.done", "return.refused"));

    @DynamicPropertySource
    static void maps(DynamicPropertyRegistry registry) throws Exception {
        if (!inboxes.isRunning()) {
            inboxes.start();
        }
        registry.add("dragoman.context-maps", () -> EventMaps.write(inboxes.port()).toString());
        registry.add("dragoman.data-dir", Files.createTempDirectory("dragoman-saga-admin")::toString);
    }

    @AfterAll
    static void stopInboxes() {
        inboxes.stop();
    }

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry registry;

    @LocalServerPort
    int port;

    @BeforeEach
    void inboxesAccept() {
        inboxes.resetAll();
        inboxes.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(202)));
    }

    // ---- the search, paged through to the end

    @Test
    void everySearch_pagedThroughWithItsNextLinks_listsExactlyWhatTheOracleLists_inItsOrder() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int runs = Integer.getInteger("fuzz.runs", 60);
        System.out.println("SagaAdminIntegrationTests search fuzz: -Dfuzz.seed=" + seed + " -Dfuzz.runs=" + runs);
        Random random = new Random(seed);
        // Only the sagas made here: the other tests' sagas would be missing from the oracle.
        jdbc.sql("DELETE FROM saga_timeline").update();
        jdbc.sql("DELETE FROM saga").update();
        List<SagaState> stored = seed(random, 300);

        for (int run = 0; run < runs; run++) {
            Query query = Query.random(random, stored);
            List<String> expected = query.oracle(stored).stream().map(SagaState::sagaId).toList();
            List<String> listed = new ArrayList<>();
            String link = "/admin/sagas" + query.text();
            int pages = 0;
            while (link != null) {
                JsonNode page = getJson(link);
                JsonNode sagas = page.get(query.openList() ? "open" : "sagas");
                assertThat(sagas).as("seed %d, run %d: %s", seed, run, link).isNotNull();
                assertThat(sagas.size()).as("seed %d, run %d: %s", seed, run, link).isLessThanOrEqualTo(query.limit());
                sagas.forEach(saga -> listed.add(saga.get("sagaid").asString()));
                link = page.get("next").isNull() ? null : page.get("next").asString();
                if (link != null) {
                    assertThat(sagas.size()).as("seed %d, run %d: a page before the last is full", seed, run).isEqualTo(query.limit());
                }
                assertThat(++pages).as("seed %d, run %d: pages end", seed, run).isLessThanOrEqualTo(stored.size() + 1);
            }
            assertThat(listed).as("seed %d, run %d: %s", seed, run, query.text()).containsExactlyElementsOf(expected);
            if (query.prefix() != null) {
                // With 300 sagas a prefix always has "few" ids (under 1,000): the same search, made to walk the order's index instead.
                assertThat(pagedThrough(new SagaSearchQueries(jdbc, 1), query.search()))
                        .as("seed %d, run %d, walking the index: %s", seed, run, query.text()).containsExactlyElementsOf(expected);
            }
        }
    }

    private static List<String> pagedThrough(SagaSearchQueries queries, SagaSearch search) {
        List<String> listed = new ArrayList<>();
        SagaPage page = queries.search(search);
        page.sagas().forEach(s -> listed.add(s.sagaId()));
        while (page.next() != null) {
            page = queries.search(search.after(page.next()));
            page.sagas().forEach(s -> listed.add(s.sagaId()));
        }
        return listed;
    }

    @Test
    void theOpenList_keepsItsFields_nearestDeadlineFirst_andAddsNext() {
        jdbc.sql("DELETE FROM saga_timeline").update();
        jdbc.sql("DELETE FROM saga").update();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        SagaStore store = new SagaStore(jdbc);
        insert(store, SagaMachine.start(ORDERS, "later", "order", now.plus(Duration.ofDays(2)), now));
        insert(store, SagaMachine.start(ORDERS, "sooner", "order", now.plus(Duration.ofDays(1)), now));
        SagaState ended = SagaMachine.step(ORDERS, SagaMachine.start(ORDERS, "ended", "order", now.plus(Duration.ofDays(1)), now),
                new SagaInput.Report("product", "product.out-of-stock", null), now).state();
        insert(store, ended);

        JsonNode all = getJson("/admin/sagas");
        assertThat(all.propertyNames()).containsExactly("now", "open", "next");
        assertThat(all.get("open").findValuesAsString("sagaid")).containsExactly("sooner", "later");
        assertThat(all.get("open").get(0).propertyNames())
                .containsExactly("sagaid", "saga", "status", "deadline", "remaining", "initiator", "participants");
        assertThat(all.get("next").isNull()).isTrue();

        JsonNode first = getJson("/admin/sagas?limit=1");
        assertThat(first.get("open").findValuesAsString("sagaid")).containsExactly("sooner");
        JsonNode second = getJson(first.get("next").asString());
        assertThat(second.get("open").findValuesAsString("sagaid")).containsExactly("later");
        assertThat(second.get("next").isNull()).isTrue();

        JsonNode found = getJson("/admin/sagas?status=aborted");
        assertThat(found.get("sagas").get(0).propertyNames())
                .containsExactly("sagaid", "saga", "status", "startedAt", "endedAt", "deadline", "initiator", "participants");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "status=opened              | status | status 'opened' is none of open, confirming, completed, aborted, timed-out",
            "status=open&status=aborted | status | given 2 times",
            "limit=0                    | limit  | limit '0' is no number from 1 to 500 (default 50)",
            "limit=501                  | limit  | from 1 to 500",
            "limit=ten                  | limit  | from 1 to 500",
            "from=yesterday             | from   | from 'yesterday' is no ISO-8601 instant",
            "to=2026-13-01T00:00:00Z    | to     | no ISO-8601 instant",
            "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z | to | is not after from",
            "order=oldest               | order  | order 'oldest' is neither newest",
            "cursor=not-a-cursor        | cursor | is no cursor of this gateway",
            "saga=                      | saga   | parameter 'saga' is empty",
            "stauts=open                | stauts | unknown parameter 'stauts': the parameters are status, saga, sagaid, from, to, order, limit, cursor"})
    void aParameterThatCannotBeUsed_is400_namingItAndWhatIsAccepted(String query, String parameter, String detail) {
        http.get().uri(URI.create("http://127.0.0.1:" + port + "/admin/sagas?" + query)).header("X-Api-Key", "admin-key").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/invalid-query")
                .jsonPath("$.parameter").isEqualTo(parameter)
                .jsonPath("$.detail").value(text -> assertThat((String) text).contains(detail));
    }

    @Test
    void aCursorOfTheOpenList_doesNotContinueASearch() {
        String cursor = new SagaCursor(SagaOrder.DEADLINE, Instant.parse("2026-01-01T00:00:00Z"), "x").encode();
        http.get().uri(URI.create("http://127.0.0.1:" + port + "/admin/sagas?status=open&cursor=" + cursor))
                .header("X-Api-Key", "admin-key").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("cursor")
                .jsonPath("$.detail").value(text -> assertThat((String) text).contains("ordered by deadline, and this one is ordered by newest"));
    }

    // ---- abort

    @Test
    void anOperatorAbortsAnOpenSaga_everyoneIsToldCancelled_thePaymentIsRefunded_andTheTimelineSaysWho() {
        String saga = UUID.randomUUID().toString();
        publish("order-key", orderPlaced(saga)).expectStatus().isAccepted();
        publish("payment-key", report(saga, "payment.captured", "{\"amount\":2500}")).expectStatus().isAccepted();

        http.post().uri("/admin/sagas/{sagaid}/abort", saga).header("X-Api-Key", "admin-key").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"operator\": \"alice\", \"reason\": \"customer called\"}").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.sagaid").isEqualTo(saga)
                .jsonPath("$.status").isEqualTo("aborted")
                .jsonPath("$.remaining").doesNotExist()
                .jsonPath("$.participants[1].compensated").isEqualTo(true)
                .jsonPath("$.timeline[?(@.what =~ /aborted by an operator \\(alice from .*, request .*\\): customer called; saga aborted/)]")
                .exists();

        for (String inbox : List.of("/order/events", "/product/events", "/payment/events")) {
            assertThat(awaitEvent(inbox, "order.cancelled", saga).get("sagaid").asString()).isEqualTo(saga);
        }
        assertThat(awaitEvent("/payment/events", "payment.refund", saga).at("/data/amount").asInt()).isEqualTo(-2500);
        assertThat(eventsOfType("/product/events", "product.release")).as("product never completed: nothing to undo").isEmpty();
        assertThat(registry.counter("dragoman.sagas.operator.aborts", "saga", "order-placement").count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void abortingASagaThatEnded_is409_andChangesNothing_andAnUnknownSagaIs404() {
        String saga = UUID.randomUUID().toString();
        publish("order-key", orderPlaced(saga)).expectStatus().isAccepted();
        abort(saga).expectStatus().isOk();
        int timeline = getJson("/admin/sagas/" + saga).get("timeline").size();

        abort(saga).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/saga-ended")
                .jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.sagaStatus").isEqualTo("aborted")
                .jsonPath("$.detail").value(text -> assertThat((String) text).startsWith("saga " + saga + " already ended aborted at "));
        assertThat(getJson("/admin/sagas/" + saga).get("timeline").size()).as("nothing recorded").isEqualTo(timeline);

        abort("no-such-saga").expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/unknown-saga");
    }

    @Test
    void anAbortWithABodyItCannotRead_is400_andAbortsNothing() {
        String saga = UUID.randomUUID().toString();
        publish("order-key", orderPlaced(saga)).expectStatus().isAccepted();

        http.post().uri("/admin/sagas/{sagaid}/abort", saga).header("X-Api-Key", "admin-key").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"who\": \"alice\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/invalid-abort")
                .jsonPath("$.detail").isEqualTo("unknown member 'who': an abort takes operator and reason, both optional");
        assertThat(getJson("/admin/sagas/" + saga).get("status").asString()).isEqualTo("open");
    }

    // ---- the change token

    @Test
    void theChangeToken_changesWhenASagaStartsOrChanges_andOnlyThen() {
        String before = getJson("/admin/changes").get("sagas").asString();
        assertThat(getJson("/admin/changes").get("sagas").asString()).as("nothing happened").isEqualTo(before);

        String saga = UUID.randomUUID().toString();
        publish("order-key", orderPlaced(saga)).expectStatus().isAccepted();
        String started = getJson("/admin/changes").get("sagas").asString();
        assertThat(started).isNotEqualTo(before);

        publish("product-key", report(saga, "product.reserved", "{\"items\":[{\"sku\":501}]}")).expectStatus().isAccepted();
        JsonNode changes = getJson("/admin/changes");
        assertThat(changes.get("sagas").asString()).isNotEqualTo(started);
        assertThat(changes.propertyNames()).containsExactly("now", "sagas", "reload", "outbox");
        assertThat(changes.at("/reload/outcome").asString()).isEqualTo("LOADED");
        assertThat(changes.at("/reload/modelVersion").asLong()).isPositive();
        assertThat(changes.at("/outbox").propertyNames()).containsExactly("depth", "oldestPendingAgeSeconds");
    }

    // ---- the admin key

    @Test
    void aCallersKey_is403_andNoKey401_onEveryNewRoute() {
        for (String key : List.of("order-key", "")) {
            int status = key.isEmpty() ? 401 : 403;
            http.get().uri("/admin/sagas?status=open").header("X-Api-Key", key).exchange().expectStatus().isEqualTo(status);
            http.get().uri("/admin/changes").header("X-Api-Key", key).exchange().expectStatus().isEqualTo(status);
            http.post().uri("/admin/sagas/x/abort").header("X-Api-Key", key).exchange().expectStatus().isEqualTo(status);
        }
    }

    // ---- helpers

    /**
     * Sagas of every status, stored as the coordinator stores them: start times and deadlines
     * from small sets, so that many tie and the saga id must break the tie; ids with prefixes
     * that nest ({@code a}, {@code ab}) and hold LIKE's wildcards and a space.
     */
    List<SagaState> seed(Random random, int count) {
        SagaStore store = new SagaStore(jdbc);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        Instant future = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        List<String> prefixes = List.of("a", "ab", "abc", "b", "x%", "x_", "y\\", "s p", "Z");
        List<SagaState> stored = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        while (stored.size() < count) {
            String id = prefixes.get(random.nextInt(prefixes.size())) + "-" + Integer.toString(random.nextInt(5000), 36);
            if (!ids.add(id)) {
                continue;
            }
            Saga saga = random.nextInt(4) == 0 ? RETURNS : ORDERS;
            Instant started = base.plusSeconds(random.nextInt(40) * 60L);
            SagaStatus status = SagaStatus.values()[random.nextInt(SagaStatus.values().length)];
            Instant deadline = status.ended() ? started.plus(Duration.ofMinutes(10)) : future.plus(Duration.ofHours(random.nextInt(20)));
            SagaState state = SagaMachine.start(saga, id, "order", deadline, started);
            state = reach(saga, state, status, started.plusSeconds(1));
            insert(store, state);
            stored.add(state);
        }
        return stored;
    }

    private static SagaState reach(Saga saga, SagaState state, SagaStatus status, Instant at) {
        if (status == SagaStatus.OPEN) {
            return state;
        }
        if (status == SagaStatus.TIMED_OUT) {
            return SagaMachine.step(saga, state, new SagaInput.Tick(), state.deadline()).state();
        }
        if (status == SagaStatus.ABORTED) {
            return SagaMachine.step(saga, state, new SagaInput.Aborted("fuzz", null), at).state();
        }
        for (Participant p : saga.participants()) {
            state = SagaMachine.step(saga, state, new SagaInput.Report(p.context(), p.completed(), "{\"amount\":1}"), at).state();
        }
        if (status == SagaStatus.COMPLETED) {
            for (String receiver : state.receivers()) {
                state = SagaMachine.step(saga, state, new SagaInput.Acknowledged(receiver, saga.outcome().completed()), at).state();
            }
        }
        return state;
    }

    private static void insert(SagaStore store, SagaState state) {
        Saga saga = state.sagaName().equals(RETURNS.name()) ? RETURNS : ORDERS;
        Map<String, String> none = new LinkedHashMap<>();
        store.insert(new StoredSaga(state, SagaDeclaration.of(saga), new Receivers("application/json", none, none)));
        store.append(state.sagaId(), List.of(new TimelineEntry(state.startedAt(), "seeded by the test", false)));
    }

    /** A search as the query of {@code GET /admin/sagas}, and what it must list. */
    record Query(Set<SagaStatus> statuses, String saga, String prefix, Instant from, Instant to, String order, int limit, boolean openList) {

        static Query random(Random random, List<SagaState> stored) {
            int limit = 1 + random.nextInt(random.nextBoolean() ? 7 : 60);
            if (random.nextInt(6) == 0) {
                return new Query(EnumSet.of(SagaStatus.OPEN, SagaStatus.CONFIRMING), null, null, null, null, null, limit, true);
            }
            Set<SagaStatus> statuses = null;
            if (random.nextBoolean()) {
                statuses = EnumSet.noneOf(SagaStatus.class);
                for (SagaStatus status : SagaStatus.values()) {
                    if (random.nextBoolean()) {
                        statuses.add(status);
                    }
                }
                if (statuses.isEmpty()) {
                    statuses.add(SagaStatus.values()[random.nextInt(SagaStatus.values().length)]);
                }
            }
            String saga = random.nextInt(3) == 0 ? (random.nextBoolean() ? ORDERS.name() : RETURNS.name()) : null;
            String prefix = null;
            if (random.nextInt(3) == 0) {
                String id = stored.get(random.nextInt(stored.size())).sagaId();
                prefix = id.substring(0, 1 + random.nextInt(Math.min(4, id.length())));
            }
            Instant from = random.nextInt(3) == 0 ? Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(40) * 60L) : null;
            Instant to = random.nextInt(3) == 0 ? Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(42) * 60L) : null;
            if (from != null && to != null && !from.isBefore(to)) {
                to = null;
            }
            String order = switch (random.nextInt(3)) {
                case 0 -> "newest";
                case 1 -> "deadline";
                default -> null;
            };
            boolean anyFilter = statuses != null || saga != null || prefix != null || from != null || to != null || order != null;
            if (!anyFilter) {
                order = "newest";
            }
            return new Query(statuses, saga, prefix, from, to, order, limit, false);
        }

        SagaSearch search() {
            if (openList) {
                return SagaSearch.open(limit);
            }
            return new SagaSearch(statuses == null ? EnumSet.allOf(SagaStatus.class) : statuses, saga, prefix, from, to,
                    "deadline".equals(order) ? SagaOrder.DEADLINE : SagaOrder.NEWEST, limit, null);
        }

        List<SagaState> oracle(List<SagaState> stored) {
            Set<SagaStatus> wanted = statuses == null ? EnumSet.allOf(SagaStatus.class) : statuses;
            SagaOrder sagaOrder = openList || "deadline".equals(order) ? SagaOrder.DEADLINE : SagaOrder.NEWEST;
            return stored.stream()
                    .filter(s -> wanted.contains(s.status()))
                    .filter(s -> saga == null || saga.equals(s.sagaName()))
                    .filter(s -> prefix == null || s.sagaId().startsWith(prefix))
                    .filter(s -> from == null || !s.startedAt().isBefore(from))
                    .filter(s -> to == null || s.startedAt().isBefore(to))
                    .sorted(SagaPage.comparator(sagaOrder))
                    .toList();
        }

        String text() {
            List<String> parameters = new ArrayList<>();
            if (!openList && statuses != null) {
                parameters.add("status=" + statuses.stream().map(s -> s.name().toLowerCase().replace('_', '-')).collect(Collectors.joining(",")));
            }
            if (saga != null) {
                parameters.add("saga=" + encode(saga));
            }
            if (prefix != null) {
                parameters.add("sagaid=" + encode(prefix));
            }
            if (from != null) {
                parameters.add("from=" + from);
            }
            if (to != null) {
                parameters.add("to=" + to);
            }
            if (order != null) {
                parameters.add("order=" + order);
            }
            parameters.add("limit=" + limit);
            return "?" + String.join("&", parameters);
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    JsonNode getJson(String pathAndQuery) {
        byte[] body = http.get().uri(URI.create("http://127.0.0.1:" + port + pathAndQuery)).header("X-Api-Key", "admin-key").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    WebTestClient.ResponseSpec abort(String saga) {
        return http.post().uri("/admin/sagas/{sagaid}/abort", saga).header("X-Api-Key", "admin-key").exchange();
    }

    WebTestClient.ResponseSpec publish(String key, String event) {
        return http.post().uri("/events").header("X-Api-Key", key).contentType(MediaType.valueOf("application/cloudevents+json"))
                .bodyValue(event).exchange();
    }

    static String orderPlaced(String id) {
        return """
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.placed","datacontenttype":"application/json",
                 "data":{"items":[{"sku":"GX-1001","quantity":1}],"amount":2500}}""".formatted(id);
    }

    static String report(String saga, String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/%s-service","type":"%s","sagaid":"%s","data":%s}"""
                .formatted(UUID.randomUUID(), type.substring(0, type.indexOf('.')), type, saga, data);
    }

    static JsonNode awaitEvent(String inbox, String type, String sagaId) {
        return await().until(() -> eventsOfType(inbox, type).stream().filter(e -> sagaId.equals(e.path("sagaid").asString())).findFirst(),
                java.util.Optional::isPresent).get();
    }

    static List<JsonNode> eventsOfType(String inbox, String type) {
        return inboxes.findAll(postRequestedFor(urlEqualTo(inbox))).stream().map(r -> JSON.readTree(r.getBodyAsString()))
                .filter(e -> type.equals(e.path("type").asString())).toList();
    }
}
