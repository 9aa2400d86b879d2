package dev.dragoman.gateway.resolver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dragoman.gateway.testing.TestUpstream;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A resolver that is down, slow or answers nonsense is not an unknown identifier (issue 12,
 * finding 14): the caller is told the resolver is unavailable (503) or too slow (504), nothing is
 * remembered of the failure, and the next request after the resolver is back is translated. Only
 * a 404 means unknown, and that is remembered for {@code negative-ttl}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.callers.web-support.api-keys=ws-key",
        "dragoman.admin.api-keys=admin-key"})
@AutoConfigureWebTestClient
class ResolverOutageIntegrationTests {

    @RegisterExtension
    static final TestUpstream upstream = TestUpstream.answering("{}");
    static final WireMockServer resolver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    /** The question about player {@code id}; each test asks about players of its own, since answers are cached across tests. */
    static String playerQuestion(String id) {
        return "/resolve?concept=player&from=web-support&field=id&to=game-dept&target=id&value=" + id;
    }

    @DynamicPropertySource
    static void maps(DynamicPropertyRegistry registry) {
        if (!resolver.isRunning()) {
            resolver.start();
        }
        registry.add("dragoman.context-maps", () -> writeMaps().toString());
    }

    @AfterAll
    static void stopServers() {
        resolver.stop();
    }

    @Autowired
    WebTestClient http;

    @BeforeEach
    void reset() {
        resolver.resetAll();
    }

    @Test
    void aResolverAnswering503Is503_namingTheConcept_andTheNextRequestAfterItRecoversIsTranslated() {
        resolver.stubFor(get(urlPathEqualTo("/resolve")).willReturn(aResponse().withStatus(503)));

        call("/players/u-503").expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/resolver-unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.route").isEqualTo("ws-to-gd")
                .jsonPath("$.concepts[0]").isEqualTo("player")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                        .contains("resolver of concept 'player'", "answered 503", "retry")
                        .doesNotContain("u-503", "unknown", "127.0.0.1"));
        upstream.verify(0, anyRequestedFor(anyUrl()));

        resolver.stubFor(get(urlPathEqualTo("/resolve")).willReturn(okJson("{\"value\": \"p-7007\"}")));

        call("/players/u-503").expectStatus().isOk();
        upstream.verify(getRequestedFor(urlEqualTo("/players/p-7007")));
        resolver.verify(2, getRequestedFor(urlEqualTo(playerQuestion("u-503"))));
    }

    @Test
    void aResolverTooSlowIs504_andIsAskedAgainNextTime() {
        resolver.stubFor(get(urlPathEqualTo("/resolve")).willReturn(okJson("{\"value\": \"s-7007\"}").withFixedDelay(3_000)));

        call("/slow/s-7").expectStatus().isEqualTo(504)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/resolver-timeout")
                .jsonPath("$.concepts[0]").isEqualTo("slow")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                        .contains("resolver of concept 'slow'", "did not answer within")
                        .doesNotContain("s-7", "unknown"));
        upstream.verify(0, anyRequestedFor(anyUrl()));

        resolver.stubFor(get(urlPathEqualTo("/resolve")).willReturn(okJson("{\"value\": \"s-7007\"}")));
        call("/slow/s-7").expectStatus().isOk();
        upstream.verify(getRequestedFor(urlEqualTo("/slow/s-7007")));
    }

    @Test
    void aResolverThatCannotBeReachedIs503() {
        call("/ghosts/g-1").expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/resolver-unavailable")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                        .contains("resolver of concept 'ghost'", "could not be reached"));
    }

    @Test
    void aResolverAnsweringWithoutAValueIs503_notAnUnknownIdentifier() {
        resolver.stubFor(get(urlPathEqualTo("/resolve")).willReturn(okJson("{\"name\": \"p-7007\"}")));

        call("/players/u-bad").expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/resolver-unavailable")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("without a single \"value\""));
    }

    @Test
    void a404IsStillAnUnknownIdentifier_rememberedForTheNegativeTtl() {
        resolver.stubFor(get(urlPathEqualTo("/resolve")).willReturn(aResponse().withStatus(404)));

        call("/players/u-404").expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/untranslatable-identifier")
                .jsonPath("$.errors[0].value").isEqualTo("u-404")
                .jsonPath("$.errors[0].reason").isEqualTo("unknown");
        resolver.stubFor(get(urlPathEqualTo("/resolve")).willReturn(okJson("{\"value\": \"p-7007\"}")));

        call("/players/u-404").expectStatus().isEqualTo(422);
        resolver.verify(1, getRequestedFor(urlEqualTo(playerQuestion("u-404"))));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> call("/players/u-404").expectStatus().isOk());
        resolver.verify(2, getRequestedFor(urlEqualTo(playerQuestion("u-404"))));
    }

    @Test
    void aResolverDownWhileTranslatingTheResponseIs503_notTheUpstreamsValue() {
        upstream.stubFor(get(urlEqualTo("/games/1001")).willReturn(okJson("{\"owner\": \"p-9009\"}").withHeader("X-Owner", "p-9009")));
        resolver.stubFor(get(urlPathEqualTo("/resolve")).willReturn(aResponse().withStatus(503).withHeader(HttpHeaders.RETRY_AFTER, "7")));

        call("/games/1").expectStatus().isEqualTo(503)
                .expectHeader().doesNotExist("X-Owner")
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7")
                .expectBody()
                .jsonPath("$.route").isEqualTo("ws-to-gd")
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/resolver-unavailable")
                .jsonPath("$.concepts[0]").isEqualTo("player")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).doesNotContain("p-9009"));

        resolver.stubFor(get(urlPathEqualTo("/resolve")).willReturn(okJson("{\"value\": \"u-9\"}")));
        call("/games/1").expectStatus().isOk().expectBody().jsonPath("$.owner").isEqualTo("u-9");
    }

    @Test
    void theDryRunSaysTheResolverIsUnavailable() {
        resolver.stubFor(get(urlPathEqualTo("/resolve")).willReturn(aResponse().withStatus(503)));

        http.post().uri("/admin/translate").header("X-Api-Key", "admin-key").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"route\": \"ws-to-gd\", \"path\": \"/players/u-dry\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.outcome").isEqualTo("resolver-unavailable")
                .jsonPath("$.problem.type").isEqualTo("https://dragoman.dev/problems/resolver-unavailable")
                .jsonPath("$.problem.route").isEqualTo("ws-to-gd")
                .jsonPath("$.unresolved[0].reason").isEqualTo("lookup-failed");
    }

    private WebTestClient.ResponseSpec call(String path) {
        return http.get().uri("/game-dept" + path).header("X-Api-Key", "ws-key").exchange();
    }

    static Path writeMaps() {
        try {
            Path dir = Files.createTempDirectory("dragoman-resolver-maps");
            Files.writeString(dir.resolve("maps.yaml"), """
                    contexts:
                      game-dept:   {description: Game development}
                      web-support: {description: Web support}
                    concepts:
                      game:
                        keys: {game-dept: [code], web-support: [code]}
                        entries:
                          - {game-dept: {code: 1001}, web-support: {code: 1}}
                      player:
                        keys: {game-dept: [id], web-support: [id]}
                        resolver:
                          url: http://127.0.0.1:%1$d/resolve
                          timeout: PT5S
                          cache: {negative-ttl: PT1S}
                      slow:
                        keys: {game-dept: [id], web-support: [id]}
                        resolver:
                          url: http://127.0.0.1:%1$d/resolve
                          timeout: PT1S
                      ghost:
                        keys: {game-dept: [id], web-support: [id]}
                        resolver:
                          url: http://127.0.0.1:%2$d/resolve
                    routes:
                      - id: ws-to-gd
                        from: web-support
                        to: game-dept
                        path: /game-dept/**
                        strip-prefix: 1
                        upstream: http://127.0.0.1:%3$d
                        request:
                          path-templates: ['/players/{player.id}', '/slow/{slow.id}', '/ghosts/{ghost.id}', '/games/{game.code}']
                        response:
                          body: {$.owner: player.id}
                    """.formatted(resolver.port(), closedPort(), upstream.port()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nobody listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
