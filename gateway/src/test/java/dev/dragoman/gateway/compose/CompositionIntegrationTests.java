package dev.dragoman.gateway.compose;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.dragoman.gateway.testing.TestUpstream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Composed reads end to end: web support's game view answered from the game department's game
 * and stats and web support's own tickets, three WireMock upstreams behind two routes, each
 * translated both ways; optional parts that fail leave named gaps, a required one a 502.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.callers.web-support.api-keys=ws-key",
        "dragoman.callers.game-dept.api-keys=gd-key",
        "dragoman.admin.api-keys=admin-key",
        "dragoman.max-body-size=4KB",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=5s"})
@AutoConfigureWebTestClient(timeout = "30s")
class CompositionIntegrationTests {

    @RegisterExtension
    static final TestUpstream gameDept = TestUpstream.answeringUncompressed("{}");

    @RegisterExtension
    static final TestUpstream support = TestUpstream.answeringUncompressed("{}");

    static Path maps;

    @DynamicPropertySource
    static void maps(DynamicPropertyRegistry registry) {
        registry.add("dragoman.context-maps", () -> write().toString());
    }

    @Autowired
    WebTestClient http;

    static final String GAME = "{\"code\":1001,\"name\":\"mgame_x\",\"price\":0.1000000000000000055511,\"related\":[{\"code\":1002}]}";
    static final String STATS = "{\"code\":1001,\"players\":42}";
    static final String TICKETS = "{\"tickets\":[{\"id\":\"T-1\",\"gameCode\":1}],\"total\":1}";

    void everyPartAnswers() {
        gameDept.stubFor(get(urlEqualTo("/games/1001")).willReturn(okJson(GAME)));
        gameDept.stubFor(get(urlEqualTo("/games/1001/stats")).willReturn(okJson(STATS)));
        support.stubFor(get(urlEqualTo("/tickets/by-game/1")).willReturn(okJson(TICKETS)));
    }

    // ---- every part answers

    @Test
    void everyPartIsTranslatedBothWays_andMergedWhereDeclared() {
        everyPartAnswers();

        String body = view("/views/games/1").expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().doesNotExist(ComposedAnswer.GAPS_HEADER)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).as("values exactly as translated, numbers untouched, in declaration order").isEqualTo(
                "{\"game\":{\"code\":1,\"name\":\"mob_game_x\",\"price\":0.1000000000000000055511,\"related\":[{\"code\":2}]},"
                        + "\"details\":{\"stats\":{\"code\":1,\"players\":42}},"
                        + "\"tickets\":[{\"id\":\"T-1\",\"gameCode\":1}],\"gaps\":[]}");
        gameDept.verify(getRequestedFor(urlEqualTo("/games/1001")).withoutHeader("X-Api-Key"));
        gameDept.verify(getRequestedFor(urlEqualTo("/games/1001/stats")));
        support.verify(getRequestedFor(urlEqualTo("/tickets/by-game/1")).withoutHeader("X-Api-Key"));
    }

    @Test
    void partsAreFetchedInParallel() {
        everyPartAnswers();
        view("/views/games/1").expectStatus().isOk();
        int delay = 800;
        gameDept.stubFor(get(urlEqualTo("/games/1001")).willReturn(okJson(GAME).withFixedDelay(delay)));
        gameDept.stubFor(get(urlEqualTo("/games/1001/stats")).willReturn(okJson(STATS).withFixedDelay(delay)));
        support.stubFor(get(urlEqualTo("/tickets/by-game/1")).willReturn(okJson(TICKETS).withFixedDelay(delay)));

        long start = System.nanoTime();
        view("/views/games/1").expectStatus().isOk().expectHeader().doesNotExist(ComposedAnswer.GAPS_HEADER);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).as("three parts of %d ms each, one after another, take %d ms at least", delay, 3 * delay)
                .isBetween((long) delay, 2L * delay + delay / 2);
    }

    // ---- an optional part fails: a named gap

    @Test
    void anOptionalPartAnsweringAnErrorLeavesANamedGap() {
        everyPartAnswers();
        gameDept.stubFor(get(urlEqualTo("/games/1001/stats")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":1001,\"error\":\"busy\"}")));

        String body = view("/views/games/1").expectStatus().isOk()
                .expectHeader().valueEquals(ComposedAnswer.GAPS_HEADER, "stats")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).isEqualTo("{\"game\":{\"code\":1,\"name\":\"mob_game_x\",\"price\":0.1000000000000000055511,\"related\":[{\"code\":2}]},"
                + "\"details\":{\"stats\":null},\"tickets\":[{\"id\":\"T-1\",\"gameCode\":1}],"
                + "\"gaps\":[{\"part\":\"stats\",\"route\":\"ws-to-gd\",\"reason\":\"status\",\"status\":503,\"detail\":\"the upstream answered 503\"}]}");
    }

    @Test
    void optionalPartsThatTimeOut_breakTheConnection_orAnswerAForeignValue_areGapsEach() {
        everyPartAnswers();
        gameDept.stubFor(get(urlEqualTo("/games/1001/stats")).willReturn(okJson("{\"code\":1005}")));
        support.stubFor(get(urlEqualTo("/tickets/by-game/1")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        view("/views/games/1").expectStatus().isOk()
                .expectHeader().valueEquals(ComposedAnswer.GAPS_HEADER, "stats, tickets")
                .expectBody()
                .jsonPath("$.game.code").isEqualTo(1)
                .jsonPath("$.details.stats").isEmpty()
                .jsonPath("$.tickets").isEmpty()
                .jsonPath("$.gaps[0].reason").isEqualTo("untranslatable")
                .jsonPath("$.gaps[0].detail").isEqualTo("the answer holds 1 value the route cannot translate back")
                .jsonPath("$.gaps[1].part").isEqualTo("tickets")
                .jsonPath("$.gaps[1].reason").isEqualTo("unreachable");

        // stats may take 3 s (its timeout), tickets the routes' response timeout (5 s)
        gameDept.stubFor(get(urlEqualTo("/games/1001/stats")).willReturn(okJson(STATS).withFixedDelay(4_000)));
        support.stubFor(get(urlEqualTo("/tickets/by-game/1")).willReturn(okJson(TICKETS).withFixedDelay(3_500)));
        view("/views/games/1").expectStatus().isOk()
                .expectHeader().valueEquals(ComposedAnswer.GAPS_HEADER, "stats")
                .expectBody()
                .jsonPath("$.tickets[0].id").isEqualTo("T-1")
                .jsonPath("$.gaps[0].reason").isEqualTo("timeout")
                .jsonPath("$.gaps[0].detail").isEqualTo("no answer within the part's timeout");
    }

    @Test
    void anOptionalPartWithoutItsSelectedValue_orWithoutJson_isAGap() {
        everyPartAnswers();
        support.stubFor(get(urlEqualTo("/tickets/by-game/1")).willReturn(okJson("{\"total\":0}")));
        gameDept.stubFor(get(urlEqualTo("/games/1001/stats")).willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("42")));

        view("/views/games/1").expectStatus().isOk()
                .expectHeader().valueEquals(ComposedAnswer.GAPS_HEADER, "stats, tickets")
                .expectBody()
                .jsonPath("$.gaps[0].reason").isEqualTo("not-json")
                .jsonPath("$.gaps[1].reason").isEqualTo("missing")
                .jsonPath("$.gaps[1].detail").isEqualTo("the answer has no value at $.tickets");
    }

    @Test
    void anOptionalPartOverTheBodyLimitIsAGap() {
        everyPartAnswers();
        support.stubFor(get(urlEqualTo("/tickets/by-game/1")).willReturn(okJson("{\"tickets\":[\"" + "x".repeat(5000) + "\"]}")));

        view("/views/games/1").expectStatus().isOk()
                .expectHeader().valueEquals(ComposedAnswer.GAPS_HEADER, "tickets")
                .expectBody().jsonPath("$.gaps[0].reason").isEqualTo("too-large");
    }

    // ---- a required part fails: 502 naming it

    @Test
    void aRequiredPartThatFailsIsA502NamingIt() {
        everyPartAnswers();
        gameDept.stubFor(get(urlEqualTo("/games/1001")).willReturn(aResponse().withStatus(500)));

        view("/views/games/1").expectStatus().isEqualTo(502)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(ComposedAnswer.GAPS_HEADER)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/composition-part-failed")
                .jsonPath("$.composition").isEqualTo("game-view")
                .jsonPath("$.part").isEqualTo("game")
                .jsonPath("$.route").isEqualTo("ws-to-gd")
                .jsonPath("$.reason").isEqualTo("status")
                .jsonPath("$.upstreamStatus").isEqualTo(500);
    }

    @Test
    void aRequiredPartWithAForeignValueIsA502_neverTheValue() {
        everyPartAnswers();
        gameDept.stubFor(get(urlEqualTo("/games/1001")).willReturn(okJson("{\"code\":1005,\"name\":\"agame_v\"}")));

        String body = view("/views/games/1").expectStatus().isEqualTo(502)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"reason\":\"untranslatable\"").doesNotContain("1005").doesNotContain("agame_v");
    }

    // ---- the caller's path, key and method

    @Test
    void anUnknownIdentifierInThePathIsTheRoutes422_andNoPartIsFetched() {
        view("/views/games/9").expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/untranslatable-identifier")
                .jsonPath("$.composition").isEqualTo("game-view")
                .jsonPath("$.part").isEqualTo("game")
                .jsonPath("$.errors[0].value").isEqualTo("9");

        gameDept.verify(0, anyRequestedFor(anyUrl()));
        support.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void onlyTheCompositionsContextMayCall_andOnlyWithGet() {
        http.get().uri("/views/games/1").exchange().expectStatus().isUnauthorized()
                .expectHeader().exists("WWW-Authenticate");
        http.get().uri("/views/games/1").header("X-Api-Key", "nope").exchange().expectStatus().isUnauthorized();
        http.get().uri("/views/games/1").header("X-Api-Key", "gd-key").exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/wrong-context");
        http.post().uri("/views/games/1").header("X-Api-Key", "ws-key").exchange().expectStatus().isEqualTo(405)
                .expectHeader().valueEquals("Allow", "GET")
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/method-not-allowed");

        gameDept.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theCompositionsPathWinsOverARoutesPattern_otherPathsStillGoToTheRoute() {
        everyPartAnswers();

        http.get().uri("/game-dept/views/1").header("X-Api-Key", "ws-key").exchange().expectStatus().isOk();
        view("/game-dept/views/games/1").expectStatus().isOk().expectBody().jsonPath("$.game.code").isEqualTo(1);

        gameDept.verify(getRequestedFor(urlEqualTo("/views/1")));
        gameDept.verify(0, getRequestedFor(urlEqualTo("/views/games/1")));
    }

    // ---- the admin view and reload

    @Test
    void theAdminModelListsCompositions() {
        http.get().uri("/admin/model").header("X-Api-Key", "admin-key").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.compositions[0].id").isEqualTo("game-view")
                .jsonPath("$.compositions[0].for").isEqualTo("web-support")
                .jsonPath("$.compositions[0].parts[1].name").isEqualTo("stats")
                .jsonPath("$.compositions[0].parts[1].required").isEqualTo(false)
                .jsonPath("$.compositions[0].parts[1].timeout").isEqualTo("PT3S");
    }

    @Test
    void aReloadAddsAComposition() throws IOException {
        everyPartAnswers();
        view("/views/stats/1").expectStatus().isNotFound();
        Path extra = maps.resolve("extra.yaml");
        try {
            Files.writeString(extra, """
                    compositions:
                      - id: stats-view
                        for: web-support
                        path: /views/stats/{game.code}
                        parts:
                          - {name: stats, route: ws-to-gd, path: '/game-dept/games/{game.code}/stats', into: $.stats}
                    """);
            reload();

            view("/views/stats/1").expectStatus().isOk().expectBody().jsonPath("$.stats.code").isEqualTo(1);
        } finally {
            Files.delete(extra);
            reload();
        }
        view("/views/stats/1").expectStatus().isNotFound();
    }

    private void reload() {
        http.post().uri("/admin/reload").header("X-Api-Key", "admin-key").exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec view(String path) {
        return http.get().uri(path).header("X-Api-Key", "ws-key").exchange();
    }

    static Path write() {
        try {
            maps = Files.createTempDirectory("dragoman-composition-maps");
            Files.writeString(maps.resolve("maps.yaml"), """
                    contexts:
                      game-dept:   {description: Game development}
                      web-support: {description: Web support}
                    concepts:
                      game:
                        keys: {game-dept: [code, name], web-support: [code, name]}
                        entries:
                          - game-dept:   {code: 1001, name: mgame_x}
                            web-support: {code: 1,    name: mob_game_x}
                          - game-dept:   {code: 1002, name: pgame_y}
                            web-support: {code: 2,    name: pc_game_y}
                          - game-dept:   {code: 1005, name: agame_v}
                    routes:
                      - id: ws-to-gd
                        from: web-support
                        to: game-dept
                        path: /game-dept/**
                        strip-prefix: 1
                        upstream: http://127.0.0.1:%d
                        request:
                          path-templates: ['/games/{game.code}/stats', '/games/{game.code}']
                        response:
                          body:
                            $.code: game.code
                            $.name: game.name
                            $.related[*].code: game.code
                      - id: ws-own
                        from: web-support
                        to: web-support
                        path: /support/**
                        strip-prefix: 1
                        upstream: http://127.0.0.1:%d
                    compositions:
                      - id: game-view
                        for: web-support
                        path: /views/games/{game.code}
                        parts:
                          - name: game
                            route: ws-to-gd
                            path: /game-dept/games/{game.code}
                            into: $.game
                          - name: stats
                            route: ws-to-gd
                            path: /game-dept/games/{game.code}/stats
                            into: $.details.stats
                            required: false
                            timeout: PT3S
                          - name: tickets
                            route: ws-own
                            path: /support/tickets/by-game/{game.code}
                            select: $.tickets
                            into: $.tickets
                            required: false
                      - id: game-view-under-the-route
                        for: web-support
                        path: /game-dept/views/games/{game.code}
                        parts:
                          - {name: game, route: ws-to-gd, path: '/game-dept/games/{game.code}', into: $.game}
                    """.formatted(gameDept.port(), support.port()));
            return maps;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
