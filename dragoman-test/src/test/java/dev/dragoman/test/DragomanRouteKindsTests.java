package dev.dragoman.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One test per kind of rule in the example maps (context-maps/games.yaml), each through the real
 * gateway with WireMock as the callee: path templates, query, headers, JSON bodies both ways, a
 * rule that reads one aspect and writes another, and the refusals of an identifier the map
 * cannot translate (422 before the upstream, 502 for an answer). The example maps have no
 * resolver-backed concept, so no test here needs a resolver.
 */
@DragomanTest(maps = "../context-maps")
class DragomanRouteKindsTests {

    @Test
    void theFirstMatchingPathTemplateApplies(Dragoman dragoman) {
        WireMockServer gameDept = dragoman.upstream("web-support-to-game-dept");
        gameDept.stubFor(get("/games/1003/stats").willReturn(okJson("{\"code\": 1003, \"players\": 42}")));

        DragomanResponse response = dragoman.client("web-support").get("/game-dept/games/3/stats");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("code").asInt()).isEqualTo(3);
        assertThat(response.json().path("players").asInt()).isEqualTo(42);
        gameDept.verify(1, getRequestedFor(urlEqualTo("/games/1003/stats")));
    }

    @Test
    void aQueryParameterIsTranslated(Dragoman dragoman) {
        WireMockServer gameDept = dragoman.upstream("game-dept");
        gameDept.stubFor(get(urlPathEqualTo("/games")).withQueryParam("gameCode", equalTo("1002"))
                .willReturn(okJson("{\"code\": 1002, \"name\": \"pgame_y\"}")));

        DragomanResponse response = dragoman.client("web-support").get("/game-dept/games?gameCode=2");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("code").asInt()).isEqualTo(2);
        assertThat(response.json().path("name").asString()).isEqualTo("pc_game_y");
        gameDept.verify(1, getRequestedFor(urlEqualTo("/games?gameCode=1002")));
    }

    @Test
    void headersAreTranslatedBothWays(Dragoman dragoman) {
        WireMockServer gameDept = dragoman.upstream("game-dept");
        gameDept.stubFor(get("/games/1001").willReturn(aResponse().withStatus(200).withHeader("X-Game-Name", "pgame_y")));

        DragomanResponse response = dragoman.client("web-support").get("/game-dept/games/1", Map.of("X-Game-Name", "mob_game_x"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("X-Game-Name")).contains("pc_game_y");
        gameDept.verify(1, getRequestedFor(urlEqualTo("/games/1001")).withHeader("X-Game-Name", equalTo("mgame_x")));
    }

    @Test
    void jsonBodiesAreTranslatedInTheRequestAndInTheAnswer(Dragoman dragoman) {
        WireMockServer gameDept = dragoman.upstream("game-dept");
        gameDept.stubFor(post("/orders").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"ord-77\", \"game\": {\"code\": 1004, \"name\": \"cgame_w\"},"
                        + " \"items\": [{\"gameCode\": 1001, \"quantity\": 2}, {\"gameCode\": 1002, \"quantity\": 1}]}")));

        DragomanResponse response = dragoman.client("web-support").post("/game-dept/orders",
                "{\"game\": {\"code\": 4, \"name\": \"console_game_w\"},"
                        + " \"items\": [{\"gameCode\": 1, \"quantity\": 2}, {\"gameCode\": 2, \"quantity\": 1}]}");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("id").asString()).isEqualTo("ord-77");
        assertThat(response.json().path("game").path("code").asInt()).isEqualTo(4);
        assertThat(response.json().path("game").path("name").asString()).isEqualTo("console_game_w");
        assertThat(response.json().path("items").get(0).path("gameCode").asInt()).isEqualTo(1);
        assertThat(response.json().path("items").get(1).path("gameCode").asInt()).isEqualTo(2);
        gameDept.verify(1, postRequestedFor(urlEqualTo("/orders")).withRequestBody(equalToJson(
                "{\"game\": {\"code\": 1004, \"name\": \"cgame_w\"},"
                        + " \"items\": [{\"gameCode\": 1001, \"quantity\": 2}, {\"gameCode\": 1002, \"quantity\": 1}]}")));
    }

    @Test
    void anAnswerNamingAGameTheCallerDoesNotKnowIsA502NotALeak(Dragoman dragoman) {
        dragoman.upstream("game-dept").stubFor(get("/games/1001").willReturn(okJson("{\"code\": 1005, \"name\": \"agame_v\"}")));

        DragomanResponse response = dragoman.client("web-support").get("/game-dept/games/1");

        assertThat(response.status()).as(response.body()).isEqualTo(502);
        assertThat(response.body()).doesNotContain("agame_v").doesNotContain("1005");
    }

    @Test
    void aRuleReadsTheGameByNameAndWritesItsCodeOnTheWayBack(Dragoman dragoman) {
        WireMockServer webSupport = dragoman.upstream("web-support");
        webSupport.stubFor(get(urlPathEqualTo("/tickets/by-game/1"))
                .willReturn(okJson("{\"tickets\": [{\"id\": \"t-1\", \"gameCode\": 1}, {\"id\": \"t-2\", \"gameCode\": 3}]}")));

        DragomanResponse response = dragoman.client("game-dept").get("/web-support/tickets/by-game/1001?game=pgame_y");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("tickets").get(0).path("gameCode").asInt()).isEqualTo(1001);
        assertThat(response.json().path("tickets").get(1).path("gameCode").asInt()).isEqualTo(1003);
        webSupport.verify(1, getRequestedFor(urlEqualTo("/tickets/by-game/1?game=2")));
    }

    @Test
    void anUntranslatableIdentifierInTheCallersPathIsA422AndReachesNoUpstream(Dragoman dragoman) {
        DragomanResponse response = dragoman.client("game-dept").get("/web-support/tickets/by-game/1005");

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("1005");
        assertThat(dragoman.upstream("web-support").findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(dragoman.upstream("game-dept").findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aCallerWithAnotherContextsKeyIsNotLetIn(Dragoman dragoman) {
        DragomanResponse response = dragoman.client("game-dept").get("/game-dept/games/1");

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("Route of another context");
        assertThat(dragoman.upstream("game-dept").findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
