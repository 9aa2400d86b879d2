package dev.dragoman.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The admin API over HTTP, on a copy of the project's example maps (routes, events, a saga, a
 * CSV table). Edits are not watched here, so that every reload is the one a test asks for.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
class AdminApiIntegrationTests {

    static final Path EXAMPLE_MAPS = Path.of("../context-maps");

    @TempDir
    static Path maps;

    @Autowired
    WebTestClient http;

    @BeforeAll
    static void copyTheExampleMaps() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLE_MAPS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".yaml") || name.endsWith(".csv")) {
                    Files.copy(file, maps.resolve(name));
                }
            }
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        properties.add("dragoman.context-maps", () -> maps.toString());
        properties.add("dragoman.callers.web-support.api-keys", () -> "ws-key");
        properties.add("dragoman.callers.game-dept.api-keys", () -> "gd-key");
        properties.add("dragoman.admin.api-keys", () -> "admin-key");
        properties.add("dragoman.reload.watch", () -> "false");
    }

    @AfterEach
    void removeEdits() throws IOException {
        Files.deleteIfExists(maps.resolve("zz-extra.yaml"));
    }

    @Test
    void wantsAnAdminKey_401WithoutOne_403ForACallersKey() {
        for (String path : List.of("/admin/", "/admin/model", "/admin/reload")) {
            http.get().uri(path).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals("WWW-Authenticate", "ApiKey header=\"X-Api-Key\"")
                    .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/unauthenticated");
            http.get().uri(path).header("X-Api-Key", "wrong").exchange().expectStatus().isUnauthorized();
            http.get().uri(path).header("X-Api-Key", "ws-key").exchange()
                    .expectStatus().isForbidden()
                    .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/not-admin");
            admin(HttpMethod.GET, path).exchange().expectStatus().isOk();
        }
        http.post().uri("/admin/reload").header("X-Api-Key", "gd-key").exchange().expectStatus().isForbidden();
        admin(HttpMethod.DELETE, "/admin/reload").exchange().expectStatus().isNotFound();
        http.post().uri("/admin/translate").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void indexShowsTheServedModelAndTheLastReload() {
        admin(HttpMethod.GET, "/admin/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.modelVersion").isNumber()
                .jsonPath("$.loadedAt").isNotEmpty()
                .jsonPath("$.directory").isEqualTo(maps.toAbsolutePath().normalize().toString())
                .jsonPath("$.lastReload.outcome").isEqualTo("LOADED")
                .jsonPath("$.links.model").isEqualTo("/admin/model")
                .jsonPath("$.links.reload").isEqualTo("/admin/reload")
                .jsonPath("$.links.translate").isEqualTo("/admin/translate")
                .jsonPath("$.links.outbox").isEqualTo("/admin/outbox")
                .jsonPath("$.links.openapi").isEqualTo("/admin/openapi")
                .jsonPath("$.links.console").isEqualTo("/console/");
    }

    @Test
    void modelListsContextsConceptsRoutesEventsAndSagas() {
        admin(HttpMethod.GET, "/admin/model").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.contexts[?(@.name == 'order')].inbox").isEqualTo(List.of("http://127.0.0.1:9201/events"))
                .jsonPath("$.contexts[?(@.name == 'game-dept')].description").isEqualTo(List.of("Game development"))
                .jsonPath("$.concepts[?(@.name == 'game')].rows").isEqualTo(List.of(5))
                .jsonPath("$.concepts[?(@.name == 'game')].keys.web-support[*]").isEqualTo(List.of("code", "name"))
                .jsonPath("$.concepts[0].name").isEqualTo("game")
                .jsonPath("$.concepts[0].resolver").isEmpty()
                .jsonPath("$.concepts[?(@.name == 'region')].rows").value(List.class, rows -> assertThat(rows).isNotEmpty())
                .jsonPath("$.routes[0].id").isEqualTo("web-support-to-game-dept")
                .jsonPath("$.routes[0].from").isEqualTo("web-support")
                .jsonPath("$.routes[0].to").isEqualTo("game-dept")
                .jsonPath("$.routes[0].path").isEqualTo("/game-dept/**")
                .jsonPath("$.routes[0].strip-prefix").isEqualTo(1)
                .jsonPath("$.routes[0].upstream").isEqualTo("http://127.0.0.1:9101")
                .jsonPath("$.routes[0].on-unknown").isEqualTo("reject")
                .jsonPath("$.routes[0].request.path-templates").isEqualTo(List.of("/games/{game.code}/stats", "/games/{game.code}"))
                .jsonPath("$.routes[0].request.query.gameCode").isEqualTo("game.code")
                .jsonPath("$.routes[0].request.headers.X-Game-Name").isEqualTo("game.name")
                .jsonPath("$.routes[0].request.body['$.items[*].gameCode']").isEqualTo("game.code")
                .jsonPath("$.routes[0].response.body['$.related[*].code']").isEqualTo("game.code")
                .jsonPath("$.routes[1].request.query.game").isEqualTo("game.name->code")
                .jsonPath("$.events[0].type").isEqualTo("order.placed")
                .jsonPath("$.events[0].from").isEqualTo("order")
                .jsonPath("$.events[0].deadline").isEqualTo("PT10M")
                .jsonPath("$.events[0].deliver[0].to").isEqualTo("product")
                .jsonPath("$.events[0].deliver[0].data['$.items[*].sku']").isEqualTo("product.sku")
                .jsonPath("$.sagas[0].name").isEqualTo("order-placement")
                .jsonPath("$.sagas[0].start").isEqualTo("order.placed")
                .jsonPath("$.sagas[0].participants[1].negate").isEqualTo(List.of("$.amount"))
                .jsonPath("$.sagas[0].outcome.aborted").isEqualTo("order.cancelled");
    }

    @Test
    void reloadsOnDemand_servingAGoodEdit() throws IOException {
        long before = modelVersion();
        Files.writeString(maps.resolve("zz-extra.yaml"), "contexts:\n  help-desk: {description: Help desk}\n");

        admin(HttpMethod.POST, "/admin/reload").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.outcome").isEqualTo("LOADED")
                .jsonPath("$.trigger").isEqualTo("admin")
                .jsonPath("$.modelVersion").isEqualTo(before + 1)
                .jsonPath("$.errors").isEmpty();
        admin(HttpMethod.GET, "/admin/model").exchange().expectBody()
                .jsonPath("$.modelVersion").isEqualTo(before + 1)
                .jsonPath("$.contexts[?(@.name == 'help-desk')].description").isEqualTo(List.of("Help desk"));
    }

    @Test
    void refusesABrokenEditOnDemand_422WithEveryError_andKeepsTheModel() throws IOException {
        long before = modelVersion();
        Files.writeString(maps.resolve("zz-extra.yaml"), """
                routes:
                  - id: nobody-to-game-dept
                    from: nobody
                    to: game-dept
                    path: /nobody/**
                    upstream: http://127.0.0.1:9
                """);

        admin(HttpMethod.POST, "/admin/reload").exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/maps-refused")
                .jsonPath("$.status").isEqualTo(422)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                        .contains("zz-extra.yaml:3: routes[0].from: ").contains("model version " + before + " keeps serving"))
                .jsonPath("$.instance").isEqualTo("/admin/reload")
                .jsonPath("$.modelVersion").isEqualTo(before)
                .jsonPath("$.errors[0].file").value(String.class, file -> assertThat(file).endsWith("zz-extra.yaml"))
                .jsonPath("$.errors[0].line").isEqualTo(3)
                .jsonPath("$.errors[0].keyPath").isEqualTo("routes[0].from")
                .jsonPath("$.errors[0].message").value(String.class, message -> assertThat(message).contains("nobody"));
        admin(HttpMethod.GET, "/admin/reload").exchange().expectBody()
                .jsonPath("$.outcome").isEqualTo("FAILED")
                .jsonPath("$.trigger").isEqualTo("admin")
                .jsonPath("$.modelVersion").isEqualTo(before)
                .jsonPath("$.errors[0].text").value(String.class, text -> assertThat(text).contains("zz-extra.yaml:3: "));
        admin(HttpMethod.GET, "/admin/model").exchange().expectBody()
                .jsonPath("$.modelVersion").isEqualTo(before)
                .jsonPath("$.routes[?(@.id == 'nobody-to-game-dept')]").isEmpty();
        http.get().uri("/actuator/health").header("X-Api-Key", "admin-key").exchange().expectBody()
                .jsonPath("$.components.contextMaps.status").isEqualTo("UP")
                .jsonPath("$.components.contextMaps.details.lastReload.outcome").isEqualTo("FAILED")
                .jsonPath("$.components.contextMaps.details.lastReload.errorCount").isNumber();

        Files.delete(maps.resolve("zz-extra.yaml"));
        admin(HttpMethod.POST, "/admin/reload").exchange().expectStatus().isOk();
    }

    @Test
    void translatesARequestDryRun_listingWhatItCannotTranslate() {
        translate("""
                {"route": "web-support-to-game-dept", "direction": "request",
                 "path": "/games/1/stats",
                 "query": {"gameCode": ["1"], "page": ["2"]},
                 "headers": {"X-Game-Name": ["mob_game_x"], "Accept": "application/json"},
                 "body": {"game": {"code": 1, "name": "mob_game_x"}, "items": [{"gameCode": 2}, {"gameCode": 99}], "price": 10.50}}
                """)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.route").isEqualTo("web-support-to-game-dept")
                .jsonPath("$.direction").isEqualTo("request")
                .jsonPath("$.path").isEqualTo("/games/1001/stats")
                .jsonPath("$.query.gameCode").isEqualTo(List.of("1001"))
                .jsonPath("$.query.page").isEqualTo(List.of("2"))
                .jsonPath("$.headers.X-Game-Name").isEqualTo(List.of("mgame_x"))
                .jsonPath("$.headers.Accept").isEqualTo(List.of("application/json"))
                .jsonPath("$.body.game.code").isEqualTo(1001)
                .jsonPath("$.body.game.name").isEqualTo("mgame_x")
                .jsonPath("$.body.items[0].gameCode").isEqualTo(1002)
                .jsonPath("$.body.items[1].gameCode").isEqualTo(99)
                .jsonPath("$.translated").isEqualTo(6)
                .jsonPath("$.unresolved.length()").isEqualTo(1)
                .jsonPath("$.unresolved[0].location").value(String.class, location -> assertThat(location).contains("items[1].gameCode"))
                .jsonPath("$.unresolved[0].value").isEqualTo("99")
                .jsonPath("$.unresolved[0].rule").isEqualTo("game.code")
                .jsonPath("$.unresolved[0].reason").isEqualTo("unknown")
                .jsonPath("$.outcome").isEqualTo("rejected");
    }

    @Test
    void keepsTheBytesOfNumbersItDoesNotTranslate() {
        translate("""
                {"route": "web-support-to-game-dept", "body": {"game": {"code": 1}, "price": 10.50, "big": 0.1000000000000000055511}}
                """)
                .expectStatus().isOk()
                .expectBody(String.class).value(answer -> assertThat(answer)
                        .contains("\"price\":10.50").contains("0.1000000000000000055511").contains("\"code\":1001"));
    }

    @Test
    void translatesAResponseDryRun() {
        translate("""
                {"route": "web-support-to-game-dept", "direction": "response",
                 "body": {"code": 1001, "name": "mgame_x", "related": [{"code": 1002}, {"code": 1005}]}}
                """)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.direction").isEqualTo("response")
                .jsonPath("$.path").doesNotExist()
                .jsonPath("$.body.code").isEqualTo(1)
                .jsonPath("$.body.name").isEqualTo("mob_game_x")
                .jsonPath("$.body.related[0].code").isEqualTo(2)
                .jsonPath("$.body.related[1].code").isEqualTo(1005)
                .jsonPath("$.translated").isEqualTo(3)
                .jsonPath("$.unresolved[0].value").isEqualTo("1005")
                .jsonPath("$.unresolved[0].reason").isEqualTo("unknown")
                .jsonPath("$.outcome").isEqualTo("rejected");
    }

    @Test
    void answers404ForAnUnknownRoute() {
        translate("{\"route\": \"nowhere\", \"path\": \"/games/1\"}")
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/unknown-route")
                .jsonPath("$.route").isEqualTo("nowhere")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("web-support-to-game-dept"));
    }

    @Test
    void answers400ForInputItCannotUse() {
        for (String input : List.of("not json", "[1]", "{}", "{\"route\": 7}",
                "{\"route\": \"web-support-to-game-dept\", \"direction\": \"sideways\"}",
                "{\"route\": \"web-support-to-game-dept\", \"direction\": \"response\", \"path\": \"/games/1\"}",
                "{\"route\": \"web-support-to-game-dept\", \"path\": \"games/1\"}",
                "{\"route\": \"web-support-to-game-dept\", \"query\": [\"gameCode\"]}",
                "{\"route\": \"web-support-to-game-dept\", \"paths\": \"/games/1\"}")) {
            translate(input)
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/invalid-dry-run")
                    .jsonPath("$.detail").isNotEmpty();
        }
    }

    private WebTestClient.ResponseSpec translate(String json) {
        return admin(HttpMethod.POST, "/admin/translate").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private WebTestClient.RequestBodySpec admin(HttpMethod method, String path) {
        return http.method(method).uri(path).header("X-Api-Key", "admin-key");
    }

    private long modelVersion() {
        Map<?, ?> index = admin(HttpMethod.GET, "/admin/").exchange().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) index.get("modelVersion")).longValue();
    }
}
