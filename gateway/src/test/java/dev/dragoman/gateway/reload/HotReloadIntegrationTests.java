package dev.dragoman.gateway.reload;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Hot reload end to end (SPEC section 4): edits on disk are served within seconds, broken ones
 * are refused visibly while the last good model serves, and no request sees half a change.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
class HotReloadIntegrationTests {

    static final Duration WITHIN_SECONDS = Duration.ofSeconds(15);

    static final String CONTEXTS = """
            contexts:
              game-dept: {description: Game development}
              web-support: {description: Web support}
            """;

    /** Version A of the games: web support's 1 / mob_game_x is the game department's 1001 / mgame_x. */
    static final String GAMES_A = games(1001, "mgame_x");
    /** Version B: the same web support game is 2001 / mgame_x2 (both sides of each pair change together). */
    static final String GAMES_B = games(2001, "mgame_x2");

    /** {@code from: nobody} is line 3. */
    static final String BROKEN = """
            routes:
              - id: nobody-to-game-dept
                from: nobody
                to: game-dept
                path: /nobody/**
                upstream: http://127.0.0.1:9
            """;

    @TempDir
    static Path maps;

    static WireMockServer upstream;

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry registry;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startUpstreamAndWriteMaps() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        writeBaseline();
    }

    @AfterAll
    static void stopUpstream() {
        upstream.stop();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        properties.add("dragoman.context-maps", () -> maps.toString());
        properties.add("dragoman.callers.web-support.api-keys", () -> "ws-key");
        properties.add("dragoman.callers.game-dept.api-keys", () -> "gd-key");
        properties.add("dragoman.admin.api-keys", () -> "admin-key");
        properties.add("dragoman.reload.debounce", () -> "100ms");
    }

    @BeforeEach
    void servesTheBaseline() {
        writeBaseline();
        http.post().uri("/admin/reload").header("X-Api-Key", "admin-key").exchange().expectStatus().isOk();
        upstream.resetAll();
        upstream.stubFor(any(anyUrl()).willReturn(okJson("{\"ok\":true}")));
    }

    @Test
    void servesAGoodEditWithinSeconds() {
        gameOne("/game-dept/games/2").expectStatus().isEqualTo(422);

        write("games.yaml", GAMES_A
                + "      - game-dept: {code: 1002, name: pgame_y}\n"
                + "        web-support: {code: 2, name: pc_game_y}\n");
        write("more-routes.yaml", """
                routes:
                  - id: web-support-to-game-dept-v2
                    from: web-support
                    to: game-dept
                    path: /game-dept-v2/**
                    strip-prefix: 1
                    upstream: %s
                    request:
                      path-templates: ['/games/{game.code}']
                """.formatted(upstream.baseUrl()));

        await().atMost(WITHIN_SECONDS).untilAsserted(() -> admin("/admin/model").expectBody()
                .jsonPath("$.routes[?(@.id == 'web-support-to-game-dept-v2')].path").isEqualTo(List.of("/game-dept-v2/**"))
                .jsonPath("$.concepts[0].rows").isEqualTo(2));
        await().atMost(WITHIN_SECONDS).untilAsserted(() -> gameOne("/game-dept/games/2").expectStatus().isOk());
        gameOne("/game-dept-v2/games/1").expectStatus().isOk();
        upstream.verify(getRequestedFor(urlEqualTo("/games/1002")));
        upstream.verify(getRequestedFor(urlEqualTo("/games/1001")));
        admin("/admin/reload").expectBody()
                .jsonPath("$.outcome").isEqualTo("LOADED")
                .jsonPath("$.errors").isEmpty();
    }

    @Test
    void refusesABrokenEdit_showsWhyEverywhere_andKeepsServingTheLastGoodModel() {
        long version = currentVersion();
        double failedBefore = failedReloads();

        write("nobody.yaml", BROKEN);

        await().atMost(WITHIN_SECONDS).untilAsserted(() -> admin("/admin/reload").expectBody()
                .jsonPath("$.outcome").isEqualTo("FAILED")
                .jsonPath("$.trigger").isEqualTo("watch")
                .jsonPath("$.modelVersion").isEqualTo(version)
                .jsonPath("$.errors[0].file").value(String.class, file -> assertThat(file).endsWith("nobody.yaml"))
                .jsonPath("$.errors[0].line").isEqualTo(3)
                .jsonPath("$.errors[0].keyPath").isEqualTo("routes[0].from"));
        http.get().uri("/actuator/health").header("X-Api-Key", "admin-key").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.contextMaps.status").isEqualTo("UP")
                .jsonPath("$.components.contextMaps.details.modelVersion").isEqualTo(version)
                .jsonPath("$.components.contextMaps.details.lastReload.outcome").isEqualTo("FAILED")
                .jsonPath("$.components.contextMaps.details.lastReload.errors[0]")
                .value(String.class, error -> assertThat(error).contains("nobody.yaml:3: routes[0].from: "));
        assertThat(failedReloads()).isGreaterThan(failedBefore);
        assertThat(registry.get("dragoman.reload.last.success").gauge().value()).isZero();
        http.get().uri("/actuator/prometheus").header("X-Api-Key", "admin-key").exchange().expectBody(String.class).value(prometheus -> assertThat(prometheus)
                .containsPattern("dragoman_reloads_total\\{[^}]*outcome=\"failed\"[^}]*\\} [1-9]")
                .contains("dragoman_reload_last_success 0.0")
                .contains("dragoman_model_version " + version + ".0"));
        gameOne("/game-dept/games/1").expectStatus().isOk();
        upstream.verify(getRequestedFor(urlEqualTo("/games/1001")));
    }

    @Test
    void reloadsOnDemand_evenWhenNothingChanged() {
        long version = currentVersion();

        http.post().uri("/admin/reload").header("X-Api-Key", "admin-key").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.outcome").isEqualTo("LOADED")
                .jsonPath("$.trigger").isEqualTo("admin")
                .jsonPath("$.modelVersion").value(Number.class, next -> assertThat(next.longValue()).isGreaterThan(version));
        gameOne("/game-dept/games/1").expectStatus().isOk();
    }

    @Test
    void noRequestSeesHalfAChange() {
        AtomicBoolean alternating = new AtomicBoolean(true);
        AtomicInteger swaps = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> loopErrors = new ConcurrentLinkedQueue<>();
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        Thread swapper = new Thread(() -> {
            boolean b = true;
            while (alternating.get()) {
                try {
                    write("games.yaml", b ? GAMES_B : GAMES_A);
                    client.post().uri("/admin/reload").header("X-Api-Key", "admin-key").retrieve().toBodilessEntity()
                            .block(Duration.ofSeconds(10));
                    swaps.incrementAndGet();
                    b = !b;
                } catch (RuntimeException e) {
                    loopErrors.add(e);
                }
            }
        }, "maps-swapper");
        swapper.start();
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> {
                Flux.range(0, 40)
                        .flatMap(i -> client.post().uri("/game-dept/games/1?gameCode=1")
                                .header("X-Api-Key", "ws-key")
                                .header("X-Game-Name", "mob_game_x")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue("{\"game\":{\"code\":1,\"name\":\"mob_game_x\"}}")
                                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 8)
                        .doOnNext(statuses::add)
                        .blockLast(Duration.ofSeconds(30));
                Set<String> seen = upstream.findAll(postRequestedFor(anyUrl()))
                        .stream().map(HotReloadIntegrationTests::version).collect(Collectors.toSet());
                return seen.contains("A") && seen.contains("B") && swaps.get() >= 20 && statuses.size() >= 400;
            });
        } finally {
            alternating.set(false);
        }
        await().atMost(WITHIN_SECONDS).until(() -> !swapper.isAlive());

        assertThat(loopErrors).isEmpty();
        assertThat(swaps).hasValueGreaterThanOrEqualTo(20);
        assertThat(statuses).isNotEmpty().containsOnly(200);
        List<LoggedRequest> received = upstream.findAll(postRequestedFor(anyUrl()));
        assertThat(received).hasSize(statuses.size())
                .allSatisfy(request -> assertThat(version(request)).as(describe(request)).isIn("A", "B"));
    }

    /** A if every part of the request carries version A's identifiers, B if every part carries B's, else what it saw. */
    static String version(LoggedRequest request) {
        for (Object[] v : new Object[][] {{"A", 1001, "mgame_x"}, {"B", 2001, "mgame_x2"}}) {
            if (request.getUrl().equals("/games/" + v[1] + "?gameCode=" + v[1])
                    && v[2].equals(request.getHeader("X-Game-Name"))
                    && request.getBodyAsString().equals("{\"game\":{\"code\":" + v[1] + ",\"name\":\"" + v[2] + "\"}}")) {
                return (String) v[0];
            }
        }
        return "mixed: " + describe(request);
    }

    static String describe(LoggedRequest request) {
        return request.getUrl() + " X-Game-Name=" + request.getHeader("X-Game-Name") + " " + request.getBodyAsString();
    }

    private WebTestClient.ResponseSpec gameOne(String path) {
        return http.get().uri(path).header("X-Api-Key", "ws-key").exchange();
    }

    private WebTestClient.ResponseSpec admin(String path) {
        return http.get().uri(path).header("X-Api-Key", "admin-key").exchange().expectStatus().isOk();
    }

    private long currentVersion() {
        return (long) registry.get("dragoman.model.version").gauge().value();
    }

    private double failedReloads() {
        return registry.get("dragoman.reloads").tag("outcome", "failed").counter().count();
    }

    static String games(int code, String name) {
        return """
                concepts:
                  game:
                    keys: {game-dept: [code, name], web-support: [code, name]}
                    entries:
                      - game-dept: {code: %d, name: %s}
                        web-support: {code: 1, name: mob_game_x}
                """.formatted(code, name);
    }

    static String routes() {
        return """
                routes:
                  - id: web-support-to-game-dept
                    from: web-support
                    to: game-dept
                    path: /game-dept/**
                    strip-prefix: 1
                    upstream: %s
                    request:
                      path-templates: ['/games/{game.code}']
                      query: {gameCode: game.code}
                      headers: {X-Game-Name: game.name}
                      body:
                        $.game.code: game.code
                        $.game.name: game.name
                """.formatted(upstream.baseUrl());
    }

    static void writeBaseline() {
        try (Stream<Path> files = Files.list(maps)) {
            for (Path file : files.toList()) {
                if (!Set.of("contexts.yaml", "games.yaml", "routes.yaml").contains(file.getFileName().toString())) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write("contexts.yaml", CONTEXTS);
        write("routes.yaml", routes());
        write("games.yaml", GAMES_A);
    }

    /** Writes beside the directory and renames into it, as careful editors and deploy tools do: a reload never reads half a file. */
    static void write(String file, String content) {
        try {
            Path temporary = Files.createTempFile(maps.getParent(), "edit", ".tmp");
            Files.writeString(temporary, content);
            Files.move(temporary, maps.resolve(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
