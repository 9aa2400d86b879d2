package dev.dragoman.test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The extension's gateway, started and stopped by hand: what the tools' map tests and sweep run on. */
class DragomanRunTests {

    private static final Path MAPS = Path.of("../context-maps");
    private static final Path GAME_DEPT_STUBS = Path.of("../mock-upstreams/src/main/resources/departments/game-dept");

    @Test
    void aRouteServedFromAStubDirectoryAnswersInTheCallersVocabularyAndAResetRestoresTheStubs() {
        try (DragomanRun run = DragomanRun.start(MAPS, Map.of("web-support-to-game-dept", GAME_DEPT_STUBS))) {
            Dragoman dragoman = run.dragoman();
            assertThat(dragoman.client("web-support").get("/game-dept/games/1").json().path("name").asString())
                    .isEqualTo("mob_game_x");
            dragoman.upstream("web-support-to-game-dept").verify(1, getRequestedFor(urlEqualTo("/games/1001")));

            dragoman.upstream("web-support-to-game-dept").stubFor(get("/games/1001").atPriority(1)
                    .willReturn(okJson("{\"code\": 1002, \"name\": \"pgame_y\"}")));
            assertThat(dragoman.client("web-support").get("/game-dept/games/1").json().path("code").asInt()).isEqualTo(2);

            run.reset();

            assertThat(dragoman.upstream("web-support-to-game-dept").findAll(anyRequestedFor(anyUrl()))).isEmpty();
            assertThat(dragoman.client("web-support").get("/game-dept/games/1").json().path("code").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aClientsKeyAndTheBaseUriServeAnHttpClientOfTheTestsOwn() throws Exception {
        URI base;
        try (DragomanRun run = DragomanRun.start(MAPS)) {
            Dragoman dragoman = run.dragoman();
            base = dragoman.baseUri();
            dragoman.upstream("web-support-to-game-dept").stubFor(get("/games/1001").willReturn(okJson("{\"code\": 1001}")));
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/game-dept/games/1"))
                    .header("X-Api-Key", dragoman.client("web-support").apiKey())
                    .build();

            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            // Translated in place: the upstream's own spacing stays.
            assertThat(response.body()).isEqualTo("{\"code\": 1}");
        }
        // Closed: nothing listens there any more.
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/")).build(),
                HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void aRouteTheMapsDoNotHaveIsNamedWithTheRoutesTheyHave() {
        assertThatThrownBy(() -> DragomanRun.start(MAPS, Map.of("no-such-route", GAME_DEPT_STUBS)))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("no-such-route")
                .hasMessageContaining("web-support-to-game-dept");
    }
}
