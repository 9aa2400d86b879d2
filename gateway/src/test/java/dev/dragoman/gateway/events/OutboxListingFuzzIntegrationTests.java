package dev.dragoman.gateway.events;

import static dev.dragoman.gateway.outbox.Timestamps.sql;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /admin/outbox} against an in-memory oracle: random copies in every status are put in
 * the store, then read back over HTTP page after page, following the {@code next} links, with
 * random limits and filters; the pages together must be exactly the oracle's copies that match,
 * newest first, each once, with the right status, and the head must give the backlog. Prints its
 * seed; {@code -Dfuzz.seed=S} replays a run, {@code -Dfuzz.runs=N} does more.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.admin.api-keys=admin-key",
        "dragoman.callers.order.api-keys=order-key",
        "dragoman.context-maps=src/test/resources/maps/valid"})
@AutoConfigureWebTestClient
@Import(OutboxListingFuzzIntegrationTests.StillTime.class)
class OutboxListingFuzzIntegrationTests {

    static final Instant NOW = Instant.parse("2033-01-01T00:00:00Z");
    static final List<String> RECEIVERS = List.of("product", "payment", "shipping", "billing");
    static final List<String> TYPES = List.of("order.placed", "order.note", "payment.refund");
    static final List<String> KINDS = List.of("copy", "outcome", "compensation");
    static final String[] STATUSES = {"pending", "retrying", "delivered", "expired", "rejected"};

    /** The clock stands still: no copy comes due, so the worker never changes what the oracle holds. */
    @TestConfiguration
    static class StillTime {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(NOW);
        }
    }

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcClient jdbc;

    record Row(long id, String receiver, String type, String status, int attempts, String lastError, Instant createdAt) {
    }

    @Test
    void pagesThroughRandomCopiesWithRandomFiltersAndLimits_exactlyAsTheOracleDoes() {
        long seed = Long.getLong("fuzz.seed", new Random().nextLong());
        int runs = Integer.getInteger("fuzz.runs", 4);
        System.out.println("OutboxListingFuzzIntegrationTests: -Dfuzz.seed=" + seed + " -Dfuzz.runs=" + runs);
        Random random = new Random(seed);
        for (int run = 0; run < runs; run++) {
            List<Row> oracle = fill(random, 1 + random.nextInt(180));
            checkHead(oracle, seed);
            for (int query = 0; query < 12; query++) {
                pageThrough(random, oracle, seed);
            }
        }
    }

    List<Row> fill(Random random, int count) {
        jdbc.sql("DELETE FROM delivery").update();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String status = STATUSES[random.nextInt(STATUSES.length)];
            String receiver = RECEIVERS.get(random.nextInt(RECEIVERS.size()));
            String type = TYPES.get(random.nextInt(TYPES.size()));
            boolean finished = !status.equals("pending") && !status.equals("retrying");
            int attempts = status.equals("pending") ? random.nextInt(2) : 1 + random.nextInt(6);
            String lastError = switch (status) {
                case "retrying", "rejected", "expired" -> "error " + random.nextInt(1000);
                default -> null;
            };
            Instant created = NOW.minus(Duration.ofSeconds(1 + random.nextInt(86_400)));
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO delivery (kind, event_source, event_id, type, saga_id, receiver, endpoint, payload, deadline, status,"
                            + " attempts, next_attempt_at, last_error, created_at, finished_at) VALUES (?, '/fuzz', ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?)")
                    .params(KINDS.get(random.nextInt(KINDS.size())), "e" + i, type, random.nextBoolean() ? null : "saga-" + i, receiver,
                            "http://127.0.0.1:1/" + receiver, sql(NOW.plus(Duration.ofDays(1))),
                            finished ? status.toUpperCase() : "PENDING", attempts,
                            // never due while the clock stands still
                            sql(NOW.plus(Duration.ofHours(1))), lastError, sql(created), finished ? sql(created.plusSeconds(5)) : null)
                    .update(key, "id");
            rows.add(new Row(key.getKey().longValue(), receiver, type, status, attempts, lastError, created));
        }
        return rows;
    }

    void checkHead(List<Row> oracle, long seed) {
        JsonNode page = get("/admin/outbox");
        List<Row> waiting = oracle.stream().filter(r -> r.status().equals("pending") || r.status().equals("retrying")).toList();
        assertThat(page.get("depth").asLong()).as("seed %d", seed).isEqualTo(waiting.size());
        if (waiting.isEmpty()) {
            assertThat(page.get("oldestPendingAge").isNull()).as("seed %d", seed).isTrue();
        } else {
            Instant oldest = waiting.stream().map(Row::createdAt).min(Comparator.naturalOrder()).orElseThrow();
            assertThat(Duration.parse(page.get("oldestPendingAge").asString())).as("seed %d", seed).isEqualTo(Duration.between(oldest, NOW));
        }
    }

    void pageThrough(Random random, List<Row> oracle, long seed) {
        Set<String> statuses = new java.util.TreeSet<>();
        if (random.nextBoolean()) {
            for (String status : STATUSES) {
                if (random.nextInt(3) == 0) {
                    statuses.add(status);
                }
            }
        }
        String receiver = random.nextInt(3) == 0 ? RECEIVERS.get(random.nextInt(RECEIVERS.size())) : null;
        String type = random.nextInt(3) == 0 ? TYPES.get(random.nextInt(TYPES.size())) : null;
        Integer limit = random.nextInt(4) == 0 ? null : 1 + random.nextInt(random.nextBoolean() ? 7 : 60);
        List<Row> expected = oracle.stream()
                .filter(r -> statuses.isEmpty() || statuses.contains(r.status()))
                .filter(r -> receiver == null || r.receiver().equals(receiver))
                .filter(r -> type == null || r.type().equals(type))
                .sorted(Comparator.comparingLong(Row::id).reversed()).toList();

        StringBuilder query = new StringBuilder("/admin/outbox?");
        if (!statuses.isEmpty()) {
            // both spellings: one parameter with commas, or the parameter repeated
            query.append(random.nextBoolean() ? "status=" + String.join(",", statuses)
                    : statuses.stream().map(s -> "status=" + s).collect(Collectors.joining("&")));
        }
        if (receiver != null) {
            query.append("&receiver=").append(receiver);
        }
        if (type != null) {
            query.append("&type=").append(type);
        }
        if (limit != null) {
            query.append("&limit=").append(limit);
        }
        String what = "seed " + seed + ", " + query;
        List<JsonNode> seen = new ArrayList<>();
        String next = query.toString();
        int pages = 0;
        while (next != null) {
            JsonNode page = get(next);
            pages++;
            int size = page.get("copies").size();
            assertThat(size).as(what).isLessThanOrEqualTo(limit == null ? 50 : limit);
            page.get("copies").forEach(seen::add);
            next = page.get("next").isNull() ? null : page.get("next").asString();
            if (next != null) {
                assertThat(size).as("a page before the last is full: " + what).isEqualTo(limit == null ? 50 : limit);
            }
            assertThat(pages).as("pages end: " + what).isLessThanOrEqualTo(expected.size() + 1);
        }
        assertThat(seen.stream().map(c -> c.get("id").asLong()).toList()).as(what).isEqualTo(expected.stream().map(Row::id).toList());
        for (int i = 0; i < seen.size(); i++) {
            JsonNode copy = seen.get(i);
            Row row = expected.get(i);
            assertThat(copy.get("status").asString()).as(what).isEqualTo(row.status());
            assertThat(copy.get("receiver").asString()).as(what).isEqualTo(row.receiver());
            assertThat(copy.get("type").asString()).as(what).isEqualTo(row.type());
            assertThat(copy.get("attempts").asInt()).as(what).isEqualTo(row.attempts());
            assertThat(copy.get("lastError").isNull() ? null : copy.get("lastError").asString()).as(what).isEqualTo(row.lastError());
            boolean waiting = row.status().equals("pending") || row.status().equals("retrying");
            assertThat(copy.get("nextAttemptAt").isNull()).as("next attempt only while waiting: " + what).isEqualTo(!waiting);
            assertThat(copy.get("finishedAt").isNull()).as(what).isEqualTo(waiting);
        }
    }

    JsonNode get(String path) {
        return http.get().uri(path).header("X-Api-Key", "admin-key").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
