package dev.dragoman.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.model.ContextModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a change of maps changes, one kind of change per test. */
class MapDiffTests {

    private static final String MAPS = """
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
            routes:
              - id: r
                from: web-support
                to: game-dept
                path: /g/**
                upstream: http://127.0.0.1:9101
                request:
                  path-templates: ['/games/{game.code}']
                  query: {gameCode: game.code}
                response:
                  body: {$.code: game.code}
            """;

    @TempDir
    Path dir;

    private ContextModel load(String name, String yaml) throws IOException {
        Path maps = Files.createDirectories(dir.resolve(name));
        Files.writeString(maps.resolve("maps.yaml"), yaml);
        return ContextMaps.load(maps).orElseThrow();
    }

    private java.util.List<String> diff(String after) throws IOException {
        return MapDiff.between(load("before", MAPS), load("after", after)).stream().map(MapDiff.Change::toString).toList();
    }

    @Test
    void between_sameMaps_findsNothing() throws IOException {
        assertThat(diff(MAPS)).isEmpty();
    }

    @Test
    void between_contextAddedAndDescriptionChanged_listsBoth() throws IOException {
        assertThat(diff(MAPS.replace("{description: Web support}", "{description: Support}\n  audit: {description: Audit}")))
                .containsExactly("~ context web-support: description Web support -> Support", "+ context audit");
    }

    @Test
    void between_rowsAddedRemovedAndChanged_areTold() throws IOException {
        String after = MAPS.replace("{code: 2,    name: pc_game_y}", "{code: 2,    name: pc_game_yy}")
                .replace("{code: 1001, name: mgame_x}\n        web-support: {code: 1,    name: mob_game_x}", "{code: 1003, name: vgame_z}");

        assertThat(diff(after)).containsExactly(
                "~ concept game: row removed {game-dept.code: 1001, game-dept.name: mgame_x, web-support.code: 1, web-support.name: mob_game_x}",
                "~ concept game: row changed {game-dept.code: 1002, game-dept.name: pgame_y, web-support.code: 2, web-support.name: pc_game_y}"
                        + " -> {game-dept.code: 1002, game-dept.name: pgame_y, web-support.code: 2, web-support.name: pc_game_yy}",
                "~ concept game: row added {game-dept.code: 1003, game-dept.name: vgame_z}");
    }

    @Test
    void between_routeRulesAddedRemovedAndChanged_areToldByRule() throws IOException {
        String after = MAPS.replace("query: {gameCode: game.code}", "query: {gameCode: game.name}\n      headers: {X-Game: game.name}")
                .replace("response:\n      body: {$.code: game.code}", "response: {}")
                .replace("upstream: http://127.0.0.1:9101", "upstream: http://127.0.0.1:9111");

        assertThat(diff(after)).containsExactly(
                "~ route r: upstream http://127.0.0.1:9101 -> http://127.0.0.1:9111",
                "~ route r: request.query changed gameCode: game.code -> game.name",
                "~ route r: request.headers added X-Game: game.name",
                "~ route r: response.body removed $.code: game.code");
    }

    @Test
    void between_routeRemovedAndAdded_isToldById() throws IOException {
        assertThat(diff(MAPS.replace("- id: r", "- id: s"))).containsExactly("- route r", "+ route s");
    }
}
