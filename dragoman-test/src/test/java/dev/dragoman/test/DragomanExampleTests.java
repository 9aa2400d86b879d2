package dev.dragoman.test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

/**
 * Web support's contract with the game department, through the example maps: the example class
 * of docs/MAP-TESTS.md ("Contract tests in Java"), kept there word for word.
 */
@DragomanTest(maps = "../context-maps")
class DragomanExampleTests {

    @Test
    void webSupportAsksForItsGameOneAndGetsItBackInItsOwnWords(Dragoman dragoman) {
        WireMockServer gameDept = dragoman.upstream("game-dept");
        gameDept.stubFor(get("/games/1001").willReturn(okJson("{\"code\": 1001, \"name\": \"mgame_x\"}")));

        DragomanResponse response = dragoman.client("web-support").get("/game-dept/games/1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("code").asInt()).isEqualTo(1);
        assertThat(response.json().path("name").asString()).isEqualTo("mob_game_x");
        gameDept.verify(1, getRequestedFor(urlEqualTo("/games/1001")));
    }

    @Test
    void aGameWebSupportDoesNotKnowIsRefusedAndNeverReachesTheGameDepartment(Dragoman dragoman) {
        DragomanResponse response = dragoman.client("web-support").get("/game-dept/games/9");

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(dragoman.upstream("game-dept").findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
