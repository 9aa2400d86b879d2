package dev.dragoman.test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The game department's own WireMock stubs (the demo's, in mock-upstreams, in its vocabulary)
 * answer as its upstream: web support's request is translated to what the stubs expect, and
 * their answer back. A reset puts the directory's stubs back, never an empty server.
 */
@DragomanTest(maps = "../context-maps",
        stubs = @Stubs(context = "game-dept", dir = "../mock-upstreams/src/main/resources/departments/game-dept"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DragomanStubDirectoryExtensionTests {

    @Test
    @Order(1)
    void theDepartmentsStubsAnswerInTheCallersVocabulary(Dragoman dragoman) {
        DragomanResponse response = dragoman.client("web-support").get("/game-dept/games/1");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("code").asInt()).isEqualTo(1);
        assertThat(response.json().path("name").asString()).isEqualTo("mob_game_x");
        assertThat(response.json().path("related").get(0).path("code").asInt()).isEqualTo(2);
        assertThat(response.header("X-Game-Name")).contains("mob_game_x");
        dragoman.upstream("game-dept").verify(1, getRequestedFor(urlEqualTo("/games/1001")));
    }

    @Test
    @Order(2)
    void aTestMayOverrideAStubForItself(Dragoman dragoman) {
        dragoman.upstream("game-dept").stubFor(get("/games/1001").atPriority(1)
                .willReturn(okJson("{\"code\": 1002, \"name\": \"pgame_y\"}")));

        assertThat(dragoman.client("web-support").get("/game-dept/games/1").json().path("code").asInt()).isEqualTo(2);
    }

    @Test
    @Order(3)
    void theNextTestHasTheDirectorysStubsBackAndAnEmptyJournal(Dragoman dragoman) {
        assertThat(dragoman.upstream("game-dept").findAll(anyRequestedFor(anyUrl()))).isEmpty();

        DragomanResponse response = dragoman.client("web-support").get("/game-dept/games/1");

        assertThat(response.json().path("code").asInt()).isEqualTo(1);
        assertThat(response.json().path("name").asString()).isEqualTo("mob_game_x");
    }

    @Test
    @Order(4)
    void theDepartmentsStubForAGameTheCallerDoesNotKnowIsRefusedAsAnAnswer(Dragoman dragoman) {
        // The featured game is the arcade one, which web support has no code for.
        DragomanResponse response = dragoman.client("web-support").get("/game-dept/featured");

        assertThat(response.status()).as(response.body()).isEqualTo(502);
    }
}
