package dev.dragoman.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.gateway.testing.TestUpstream;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * SPEC sections 2 and 3 end to end: a caller in web-support calls game-dept through the
 * gateway; WireMock's request journal shows what the callee received, the answer what the
 * caller got back.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.callers.web-support.api-keys=ws-key,ws-key-rotated",
        "dragoman.callers.game-dept.api-keys=gd-key",
        "dragoman.max-body-size=64KB",
        "dragoman.admin.api-keys=admin-key",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s"})
@AutoConfigureWebTestClient
class TranslationIntegrationTests {

    @RegisterExtension
    static final TestUpstream upstream = TestUpstream.answering("{}");

    @DynamicPropertySource
    static void maps(DynamicPropertyRegistry registry) {
        registry.add("dragoman.context-maps", () -> ContractMaps.write(upstream.port()).toString());
    }

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    // ---- request: path, query, headers

    @Test
    void translatesAPathTemplateAfterStrippingThePrefix() {
        call("/game-dept/games/1").expectStatus().isOk();

        assertThat(received().getUrl()).isEqualTo("/games/1001");
    }

    @Test
    void theFirstMatchingTemplateApplies_andOthersAreLiteral() {
        call("/game-dept/games/2/stats").expectStatus().isOk();

        assertThat(received().getUrl()).isEqualTo("/games/1002/stats");
    }

    @Test
    void aPathMatchingNoTemplateIsForwardedUnchanged() {
        call("/game-dept/genres/1/top").expectStatus().isOk();

        assertThat(received().getUrl()).isEqualTo("/genres/1/top");
    }

    @Test
    void pathSegmentsAreDecodedForLookupAndEncodedAgain() {
        call("/game-dept/names/grand%20jeu").expectStatus().isOk();

        assertThat(received().getUrl()).isEqualTo("/names/big%20game");
    }

    @Test
    void translatesQueryParameters_everyValue_leavingOthersByteForByte() {
        call("/game-dept/search?gameCode=1&q=a%2Bb%20c&gameCode=2&gameName=mob_game_x").expectStatus().isOk();

        LoggedRequest request = received();
        assertThat(request.getUrl()).startsWith("/search?");
        assertThat(request.getUrl()).contains("q=a%2Bb%20c");
        assertThat(request.queryParameter("gameCode").values()).containsExactly("1001", "1002");
        assertThat(request.queryParameter("gameName").values()).as("game.name->code reads a name, writes a code").containsExactly("1001");
    }

    @Test
    void translatesHeadersWhateverTheirCase_andPassesOtherHeaders() {
        http.get().uri("/game-dept/games/1")
                .header("X-Api-Key", "ws-key")
                .header("x-game-name", "pc_game_y")
                .header("X-Trace", "t-1")
                .exchange()
                .expectStatus().isOk();

        LoggedRequest request = received();
        assertThat(request.getHeader("X-Game-Name")).isEqualTo("pgame_y");
        assertThat(request.getHeader("X-Trace")).isEqualTo("t-1");
        assertThat(request.containsHeader("X-Api-Key")).as("the caller's key stays at the gateway").isFalse();
    }

    @Test
    void theCallersKeyIsNotForwarded() {
        call("/game-dept/games/1").expectStatus().isOk();

        assertThat(received().containsHeader("X-Api-Key")).isFalse();
    }

    // ---- request: JSON bodies

    @Test
    void translatesJsonBodies_leavingEveryUntouchedByteAsItCame() {
        String body = """
                {"game": {"code": 1, "name": "mob_game_x"}, "price": 0.1000000000000000055511, "note": "caf\\u00e9 1",
                 "items": [{"gameCode": "2", "qty": 1e3}, {"gameCode": null}], "deep": {"x": {"gameNames": ["mob_game_x", "pc_game_y"]}}}""";

        post("/game-dept/orders", MediaType.APPLICATION_JSON, body).expectStatus().isOk();

        LoggedRequest request = received();
        assertThat(request.getBodyAsString()).isEqualTo("""
                {"game": {"code": 1001, "name": "mgame_x"}, "price": 0.1000000000000000055511, "note": "caf\\u00e9 1",
                 "items": [{"gameCode": 1002, "qty": 1e3}, {"gameCode": null}], "deep": {"x": {"gameNames": ["mgame_x", "pgame_y"]}}}""");
        assertThat(request.getHeader("Content-Length")).isEqualTo(String.valueOf(request.getBody().length));
    }

    @Test
    void theTargetEntryDecidesTheJsonType() {
        post("/game-dept/orders", MediaType.APPLICATION_JSON, "{\"game\": {\"code\": 42}}").expectStatus().isOk();

        assertThat(received().getBodyAsString()).as("a code declared as text stays text").isEqualTo("{\"game\": {\"code\": \"0042\"}}");
    }

    @Test
    void translatesPlusJsonMediaTypes() {
        post("/game-dept/orders", MediaType.parseMediaType("application/vnd.order+json"), "{\"game\":{\"code\":1}}").expectStatus().isOk();

        assertThat(received().getBodyAsString()).isEqualTo("{\"game\":{\"code\":1001}}");
    }

    @Test
    void nonJsonBodiesPassThroughUntouched() {
        post("/game-dept/orders", MediaType.TEXT_PLAIN, "{\"game\":{\"code\":1}}").expectStatus().isOk();

        assertThat(received().getBodyAsString()).isEqualTo("{\"game\":{\"code\":1}}");
    }

    // ---- request: unknown identifiers and bad input

    @Test
    void anUnknownIdentifierIs422_namingEveryLocation_andNothingIsForwarded() {
        http.post().uri("/game-dept/games/9?gameCode=1&gameName=nope")
                .header("X-Api-Key", "ws-key")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"game\": {\"code\": 1, \"name\": \"agame_v\"}}")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/untranslatable-identifier")
                .jsonPath("$.status").isEqualTo(422)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("'9'", "3 values"))
                .jsonPath("$.route").isEqualTo("ws-to-gd")
                .jsonPath("$.instance").isEqualTo("/game-dept/games/9")
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[0].location").isEqualTo("path /games/{game.code} segment 2")
                .jsonPath("$.errors[0].value").isEqualTo("9")
                .jsonPath("$.errors[1].location").isEqualTo("query gameName")
                .jsonPath("$.errors[1].value").isEqualTo("nope")
                .jsonPath("$.errors[2].location").isEqualTo("body $.game.name")
                .jsonPath("$.errors[2].value").isEqualTo("agame_v")
                .jsonPath("$.errors[2].rule").isEqualTo("game.name");

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void withOnUnknownPass_anUnknownIdentifierGoesThroughUnchanged() {
        post("/lenient/games/9", MediaType.APPLICATION_JSON, "{\"game\":{\"code\":1}}").expectStatus().isOk();

        LoggedRequest request = received();
        assertThat(request.getUrl()).isEqualTo("/games/9");
        assertThat(request.getBodyAsString()).isEqualTo("{\"game\":{\"code\":1001}}");
    }

    @Test
    void malformedJsonIs400_andNothingIsForwarded() {
        post("/game-dept/orders", MediaType.APPLICATION_JSON, "{\"game\": {\"code\": 1,")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/malformed-json")
                .jsonPath("$.route").isEqualTo("ws-to-gd");

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aJsonBodyOverTheLimitIs413() {
        String big = "{\"game\":{\"code\":1},\"padding\":\"" + "x".repeat(70 * 1024) + "\"}";

        post("/game-dept/orders", MediaType.APPLICATION_JSON, big)
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/body-too-large");

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    // ---- response

    @Test
    void translatesTheResponseBack_withItsExactLength() {
        upstream.stubFor(get("/games/1001").willReturn(okJson(
                "{\"code\": 1001, \"name\": \"mgame_x\", \"score\": 9.000000000000000001, \"related\": [{\"code\": 1002}]}")));

        byte[] body = call("/game-dept/games/1").expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBody();

        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"code\": 1, \"name\": \"mob_game_x\", \"score\": 9.000000000000000001, \"related\": [{\"code\": 2}]}");
    }

    @Test
    void translatesResponseHeaders() {
        upstream.stubFor(get("/games/1001").willReturn(okJson("{}").withHeader("X-Game-Code", "1002")));

        call("/game-dept/games/1").expectStatus().isOk().expectHeader().valueEquals("X-Game-Code", "2");
    }

    @Test
    void aGzippedResponseIsDecodedAndTranslated_neverPassedThroughForeign() throws IOException {
        upstream.stubFor(get("/games/1001").willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withHeader("Content-Encoding", "gzip")
                .withBody(gzip("{\"code\":1001,\"name\":\"mgame_x\"}"))));

        http.get().uri("/game-dept/games/1").header("X-Api-Key", "ws-key").header("Accept-Encoding", "gzip, br")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Content-Encoding")
                .expectBody(String.class).isEqualTo("{\"code\":1,\"name\":\"mob_game_x\"}");

        assertThat(received().getHeader("Accept-Encoding")).as("only codings the gateway can decode and the caller accepts").isEqualTo("gzip");
    }

    @Test
    void anUntranslatableResponseIs502_neverTheForeignIdentifier() {
        upstream.stubFor(get("/games/1001").willReturn(okJson("{\"code\": 1001, \"related\": [{\"code\": 1005}]}")
                .withHeader("X-Featured-Game", "agame_v")));

        call("/game-dept/games/1")
                .expectStatus().isEqualTo(502)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist("X-Featured-Game")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/untranslatable-identifier")
                .jsonPath("$.errors[0].location").isEqualTo("body $.related[0].code")
                .jsonPath("$.errors[0].value").doesNotExist()
                .jsonPath("$.route").isEqualTo("ws-to-gd");
    }

    @Test
    void withOnUnknownPass_anUnknownResponseValueGoesThrough() {
        upstream.stubFor(get("/games/1001").willReturn(okJson("{\"code\": 1005}")));

        call("/lenient/games/1").expectStatus().isOk().expectBody(String.class).isEqualTo("{\"code\": 1005}");
    }

    @Test
    void malformedJsonFromUpstreamIs502() {
        upstream.stubFor(get("/games/1001").willReturn(okJson("{\"code\": 10")));

        call("/game-dept/games/1").expectStatus().isEqualTo(502)
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/malformed-json");
    }

    @Test
    void statusCodesAndNonJsonResponsesPassThrough() {
        upstream.stubFor(get("/games/1001").willReturn(aResponse().withStatus(418).withHeader("Content-Type", "text/plain")
                .withBody("code 1001 is a teapot")));

        call("/game-dept/games/1").expectStatus().isEqualTo(418).expectBody(String.class).isEqualTo("code 1001 is a teapot");
    }

    @Test
    void errorAnswersOfTheUpstreamAreTranslatedToo() {
        upstream.stubFor(get("/games/1001").willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 1001}")));

        call("/game-dept/games/1").expectStatus().isEqualTo(409).expectBody(String.class).isEqualTo("{\"code\": 1}");
    }

    // ---- upstream failures and unknown paths

    @Test
    void aDeadUpstreamIs502() {
        call("/nowhere/anything")
                .expectStatus().isEqualTo(502)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/upstream-unavailable");
    }

    @Test
    void aSlowUpstreamIs504() {
        upstream.stubFor(get("/games/1001").willReturn(okJson("{}").withFixedDelay(4000)));

        call("/game-dept/games/1")
                .expectStatus().isEqualTo(504)
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/upstream-timeout");
    }

    @Test
    void aPathNoRouteServesIs404() {
        call("/elsewhere/games/1")
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/no-route");
    }

    // ---- callers (SPEC section 3)

    @Test
    void withoutAKeyIs401() {
        http.get().uri("/game-dept/games/1").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("X-Api-Key"));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void withAnUnknownKeyIs401() {
        http.get().uri("/game-dept/games/1").header("X-Api-Key", "guess").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anotherContextsRouteIs403() {
        http.get().uri("/game-dept/games/1").header("X-Api-Key", "gd-key").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("web-support", "game-dept"));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void everyConfiguredKeyOfAContextWorks_forRotation() {
        http.get().uri("/game-dept/games/1").header("X-Api-Key", "ws-key-rotated").exchange().expectStatus().isOk();
    }

    // ---- resolvers

    @Test
    void asksTheResolverForWhatNoTableHolds_andCachesItsAnswer() {
        upstream.stubFor(get(urlPathEqualTo("/resolve")).willReturn(okJson("{\"value\": \"p-7007\"}")));

        call("/game-dept/players/u-7").expectStatus().isOk();
        call("/game-dept/players/u-7").expectStatus().isOk();

        upstream.verify(1, getRequestedFor(urlEqualTo(
                "/resolve?concept=player&from=web-support&field=id&to=game-dept&target=id&value=u-7")));
        assertThat(upstream.findAll(getRequestedFor(urlEqualTo("/players/p-7007")))).hasSize(2);
    }

    @Test
    void whatTheResolverDoesNotKnowIs422() {
        upstream.stubFor(get(urlPathEqualTo("/resolve")).willReturn(aResponse().withStatus(404)));

        call("/game-dept/players/u-404").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].value").isEqualTo("u-404");
        upstream.verify(0, getRequestedFor(urlPathEqualTo("/players/u-404")));
    }

    @Test
    void aFailingResolverIs503_resolverUnavailable() {
        upstream.stubFor(get(urlPathEqualTo("/resolve")).willReturn(aResponse().withStatus(500)));

        call("/game-dept/players/u-500").expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/resolver-unavailable");
    }

    // ---- metrics

    @Test
    void countsTranslatedAndUnknownIdentifiersPerRouteAndConcept() {
        call("/game-dept/games/1").expectStatus().isOk();
        call("/game-dept/games/77").expectStatus().isEqualTo(422);

        http.get().uri("/actuator/prometheus").header("X-Api-Key", "admin-key").exchange().expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .containsPattern("dragoman_identifiers_translated_total\\{direction=\"request\",route=\"ws-to-gd\"}")
                        .containsPattern("dragoman_identifiers_unknown_total\\{concept=\"game\",direction=\"request\",route=\"ws-to-gd\"}")
                        .containsPattern("dragoman_translation_seconds_count\\{direction=\"request\",route=\"ws-to-gd\"}")
                        .containsPattern("spring_cloud_gateway_requests_seconds_count\\{.*routeId=\"ws-to-gd\".*status=\"UNPROCESSABLE_CONTENT\""));
    }

    // ---- helpers

    /** {@code uri} is sent exactly as written, already percent-encoded. */
    private WebTestClient.ResponseSpec call(String uri) {
        return http.get().uri(URI.create("http://127.0.0.1:" + port + uri)).header("X-Api-Key", "ws-key").exchange();
    }

    private WebTestClient.ResponseSpec post(String uri, MediaType type, String body) {
        return http.post().uri(URI.create("http://127.0.0.1:" + port + uri)).header("X-Api-Key", "ws-key").contentType(type).bodyValue(body).exchange();
    }

    /** The one request the upstream received. */
    private static LoggedRequest received() {
        List<LoggedRequest> requests = upstream.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
