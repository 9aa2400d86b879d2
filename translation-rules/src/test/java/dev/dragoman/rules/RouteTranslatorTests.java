package dev.dragoman.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTranslatorTests {

    private final DirectionTranslator request = TestMaps.games().route("web-support-to-game-dept").orElseThrow().request();
    private final DirectionTranslator response = TestMaps.games().route("web-support-to-game-dept").orElseThrow().response();

    @Test
    void translatesPathSegmentsByTheFirstMatchingTemplate() {
        TextTranslation stats = request.path("/games/1/stats");
        assertThat(stats.text()).isEqualTo("/games/1001/stats");
        assertThat(stats.template()).isEqualTo("/games/{game.code}/stats");
        assertThat(request.path("/games/2").text()).isEqualTo("/games/1002");
    }

    @Test
    void forwardsAPathThatMatchesNoTemplateUnchanged() {
        TextTranslation other = request.path("/games/1/reviews");
        assertThat(other.text()).isEqualTo("/games/1/reviews");
        assertThat(other.template()).isNull();
        assertThat(other.complete()).isTrue();
    }

    @Test
    void reportsAnUnknownPathIdentifierWithTheTemplate() {
        TextTranslation result = request.path("/games/42/stats");
        assertThat(result.unresolved()).singleElement().satisfies(u -> {
            assertThat(u.location()).isEqualTo("path /games/{game.code}/stats segment 2");
            assertThat(u.value()).isEqualTo("42");
        });
        assertThat(result.text()).isEqualTo("/games/42/stats");
    }

    @Test
    void decodesAndEncodesPathSegments(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Translators translators = Translators.compile(TestMaps.loadYaml(dir, """
                contexts: {a: {}, b: {}}
                concepts:
                  thing:
                    keys: {a: [name], b: [name]}
                    entries: [{a: {name: "big game"}, b: {name: "grand jeu/é"}}]
                routes:
                  - {id: r, from: a, to: b, path: /b/**, upstream: "http://127.0.0.1:1", request: {path-templates: ['/things/{thing.name}']}}
                """).orElseThrow());
        assertThat(translators.route("r").orElseThrow().request().path("/things/big%20game").text())
                .isEqualTo("/things/grand%20jeu%2F%C3%A9");
    }

    @Test
    void translatesQueryParametersIncludingEveryRepeatedValue() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("gameCode", List.of("1", "2"));
        query.put("page", List.of("3"));
        query.put("game", List.of("mob_game_x"));
        ValuesTranslation result = request.query(query);
        assertThat(result.values()).containsExactly(
                Map.entry("gameCode", List.of("1001", "1002")),
                Map.entry("page", List.of("3")),
                Map.entry("game", List.of("1001")));
        assertThat(result.translated()).isEqualTo(3);
    }

    @Test
    void translatesHeadersWhateverTheCaseOfTheirName() {
        ValuesTranslation result = request.headers(Map.of("x-game-name", List.of("pc_game_y")));
        assertThat(result.values()).containsEntry("x-game-name", List.of("pgame_y"));
        assertThat(request.translatesHeader("X-GAME-NAME")).isTrue();
        assertThat(response.headers(Map.of("X-Game-Code", List.of("1003"))).values()).containsEntry("X-Game-Code", List.of("3"));
    }

    @Test
    void reportsUnknownQueryAndHeaderValuesByName() {
        ValuesTranslation query = request.query(Map.of("gameCode", List.of("5")));
        assertThat(query.unresolved()).singleElement().extracting(Unresolved::location).isEqualTo("query gameCode");
        ValuesTranslation headers = request.headers(Map.of("X-Game-Name", List.of("zzz")));
        assertThat(headers.unresolved()).singleElement().extracting(Unresolved::location).isEqualTo("header X-Game-Name");
        assertThat(headers.values()).containsEntry("X-Game-Name", List.of("zzz"));
    }

    @Test
    void saysWhatEachDirectionTranslates() {
        assertThat(request.translatesPath()).isTrue();
        assertThat(request.translatesBody()).isTrue();
        assertThat(response.translatesPath()).isFalse();
        assertThat(response.translatesQuery()).isFalse();
        assertThat(response.translatesBody()).isTrue();
    }
}
