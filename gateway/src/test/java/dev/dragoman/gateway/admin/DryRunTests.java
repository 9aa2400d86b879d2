package dev.dragoman.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.gateway.problem.JsonAnswers;
import dev.dragoman.rules.Translators;
import dev.dragoman.gateway.resolver.HttpIdentifierResolver;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.reactive.function.client.WebClient;

/** The answer of {@code POST /admin/translate} keeps the JSON docs/ADMIN.md shows: the same names, in the same order. */
class DryRunTests {

    final ServedModel served = ModelHolder.load(Path.of("../context-maps"), Translators::compile, Clock.systemUTC(),
            DragomanProperties.Overrides.NONE).current();

    @Test
    void aRequest_withEveryPart_andWhatItCannotTranslate() {
        assertThat(dryRun("""
                {"route": "web-support-to-game-dept", "direction": "request", "path": "/games/1/stats",
                 "query": {"gameCode": ["1"], "page": ["2"]}, "headers": {"X-Game-Name": ["mob_game_x"]},
                 "body": {"game": {"code": 1}, "items": [{"gameCode": 99}], "price": 10.50}}
                """)).isEqualTo("{\"route\":\"web-support-to-game-dept\",\"direction\":\"request\",\"modelVersion\":1,"
                + "\"path\":\"/games/1001/stats\",\"query\":{\"gameCode\":[\"1001\"],\"page\":[\"2\"]},"
                + "\"headers\":{\"X-Game-Name\":[\"mgame_x\"]},\"body\":{\"game\":{\"code\":1001},"
                + "\"items\":[{\"gameCode\":99}],\"price\":10.50},\"translated\":4,"
                + "\"unresolved\":[{\"location\":\"body $.items[0].gameCode\",\"value\":\"99\",\"rule\":\"game.code\","
                + "\"reason\":\"unknown\"}],\"outcome\":\"rejected\"}");
    }

    @Test
    void aResponse_hasNoPathNorQuery() {
        assertThat(dryRun("""
                {"route": "web-support-to-game-dept", "direction": "response", "body": {"code": 1001}}
                """)).isEqualTo("{\"route\":\"web-support-to-game-dept\",\"direction\":\"response\",\"modelVersion\":1,"
                + "\"body\":{\"code\":1},\"translated\":1,\"unresolved\":[],\"outcome\":\"translated\"}");
    }

    @Test
    void aRequestWithNothingButItsRoute() {
        assertThat(dryRun("{\"route\": \"web-support-to-game-dept\"}")).isEqualTo("{\"route\":\"web-support-to-game-dept\",\"direction\":\"request\",\"modelVersion\":1,"
                + "\"translated\":0,\"unresolved\":[],\"outcome\":\"translated\"}");
    }

    @Test
    void aResolverThatCannotBeReached_givesTheOutcomeAndProblemTheRouteWouldAnswer(@TempDir Path maps) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Files.writeString(maps.resolve("maps.yaml"), """
                contexts:
                  game-dept:   {description: Game development}
                  web-support: {description: Web support}
                concepts:
                  player:
                    keys: {game-dept: [id], web-support: [id]}
                    resolver:
                      url: http://127.0.0.1:%d/resolve
                      # Generous: a refused connection answers at once, but a loaded machine can take
                      # longer than the default 2 s to start the first client, which is a timeout.
                      timeout: PT30S
                routes:
                  - id: ws-to-gd
                    from: web-support
                    to: game-dept
                    path: /game-dept/**
                    strip-prefix: 1
                    upstream: http://127.0.0.1:9
                    request:
                      path-templates: ['/players/{player.id}']
                """.formatted(closed));
        WebClient client = WebClient.create();
        ServedModel resolving = ModelHolder.load(maps, model -> Translators.compile(model, concept -> new HttpIdentifierResolver(client, concept)),
                Clock.systemUTC(), DragomanProperties.Overrides.NONE).current();

        assertThat(dryRun(resolving, "{\"route\": \"ws-to-gd\", \"path\": \"/players/u-dry\"}")).isEqualTo("{\"route\":\"ws-to-gd\",\"direction\":\"request\",\"modelVersion\":1,\"path\":\"/players/u-dry\","
                + "\"translated\":0,\"unresolved\":[{\"location\":\"path /players/{player.id} segment 2\","
                + "\"value\":\"u-dry\",\"rule\":\"player.id\",\"reason\":\"lookup-failed\"}],"
                + "\"outcome\":\"resolver-unavailable\","
                + "\"problem\":{\"type\":\"https://dragoman.dev/problems/resolver-unavailable\","
                + "\"title\":\"Resolver unavailable\",\"status\":503,"
                + "\"detail\":\"the resolver of concept 'player' is unavailable (it could not be reached),"
                + " so route 'ws-to-gd' cannot translate 'player' identifiers now; nothing is wrong with the message: retry later\","
                + "\"route\":\"ws-to-gd\",\"concepts\":[\"player\"]}}");
    }

    private String dryRun(String json) {
        return dryRun(served, json);
    }

    private static String dryRun(ServedModel served, String json) {
        DryRun.Input input = DryRun.parse(json.getBytes(StandardCharsets.UTF_8));
        Object answer = DryRun.run(served, served.translators().route(input.route()).orElseThrow(), input).block();
        return JsonAnswers.JSON.writeValueAsString(answer);
    }
}
