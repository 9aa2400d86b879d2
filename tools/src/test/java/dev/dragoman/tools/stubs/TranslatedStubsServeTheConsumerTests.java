package dev.dragoman.tools.stubs;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.model.ContextModel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Web support's test against game-dept's stubs translated into its vocabulary: a plain WireMock, no gateway, answers a
 * request in web support's words with an answer in web support's words.
 */
class TranslatedStubsServeTheConsumerTests {

    @TempDir
    Path out;

    private WireMockServer gameDept;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startTheTranslatedMock() {
        ContextModel model = ContextMaps.load(StubRoundTripTests.MAPS).orElseThrow();
        StubRoute route = StubRoute.choose(model, "game-dept", "web-support", null);
        new StubDirectoryTranslator(route, model, StubRoundTripTests.MAPS, false)
                .translate(StubRoundTripTests.DEPARTMENTS.resolve("game-dept"), out);
        gameDept = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").usingFilesUnderDirectory(out.toString()));
        gameDept.start();
    }

    @AfterEach
    void stop() {
        gameDept.stop();
    }

    @Test
    void game1_isMobGameX_withItsRelatedGameInWebSupportsCodes() throws Exception {
        HttpResponse<String> answer = get("/games/1", null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Game-Name")).contains("mob_game_x");
        JsonNode game = MappingTranslator.JSON.readTree(answer.body());
        assertThat(game.get("code").asInt()).isEqualTo(1);
        assertThat(game.get("name").asString()).isEqualTo("mob_game_x");
        assertThat(game.get("related").get(0).get("code").asInt()).isEqualTo(2);
        assertThat(game.get("genre").asString()).as("what no rule names is as game-dept wrote it").isEqualTo("mobile");
    }

    @Test
    void queryAndHeaderMatchers_matchWebSupportsValues_only() throws Exception {
        assertThat(MappingTranslator.JSON.readTree(get("/games?gameCode=2", null).body()).get("name").asString()).isEqualTo("pc_game_y");
        assertThat(get("/games/3/stats", null).body()).contains("\"code\":3");
        assertThat(MappingTranslator.JSON.readTree(get("/reviews", "mob_game_x").body()).get("name").asString()).isEqualTo("mob_game_x");

        assertThat(get("/games/1001", null).statusCode()).as("game-dept's own code is not web support's").isEqualTo(404);
        assertThat(get("/reviews", "mgame_x").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> get(String path, String gameName) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gameDept.baseUrl() + path));
        if (gameName != null) {
            request.header("X-Game-Name", gameName);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
