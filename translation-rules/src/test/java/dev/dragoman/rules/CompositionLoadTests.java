package dev.dragoman.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.model.Composition;
import dev.dragoman.rules.model.CompositionPart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code compositions:} load into the model, and each mistake in one is one error naming the
 * file, the line and the key path. The compositions under test are written to
 * {@code maps.yaml} beside {@link #BASE}, so their line numbers read straight off the text block.
 */
class CompositionLoadTests {

    private static final String BASE = """
            contexts:
              game-dept:   {description: Game development}
              web-support: {description: Web support}
            concepts:
              game:
                keys: {game-dept: [code, name], web-support: [code, name]}
                entries:
                  - game-dept:   {code: 1001, name: mgame_x}
                    web-support: {code: 1,    name: mob_game_x}
            routes:
              - id: ws-to-gd
                from: web-support
                to: game-dept
                path: /game-dept/**
                strip-prefix: 1
                upstream: http://127.0.0.1:9101
                request:
                  path-templates: ['/games/{game.code}/stats', '/games/{game.code}']
                  query: {gameCode: game.code}
              - id: gd-to-ws
                from: game-dept
                to: web-support
                path: /web-support/**
                upstream: http://127.0.0.1:9102
              - id: ws-own
                from: web-support
                to: web-support
                path: /support/**
                strip-prefix: 1
                upstream: http://127.0.0.1:9102
            """;

    private static final String VIEW = """
            compositions:
              - id: view
                for: web-support
                path: /views/games/{game.code}
                parts:
                  - name: game
                    route: ws-to-gd
                    path: /game-dept/games/{game.code}
                    into: $.game
                  - name: stats
                    route: ws-to-gd
                    path: /game-dept/games?gameCode={game.code}&full=yes
                    select: $.stats
                    into: $.details.stats
                    required: false
                    timeout: PT2S
                  - name: tickets
                    route: ws-own
                    path: /support/tickets/by-game/{game.code}
                    into: $.tickets
                    required: false
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void writeBase() {
        write("base.yaml", BASE);
    }

    @Test
    void load_compositionIntoTheModel() {
        write("maps.yaml", VIEW);

        LoadResult load = ContextMaps.load(dir);

        assertThat(load.errors()).isEmpty();
        Composition view = load.model().composition("view").orElseThrow();
        assertThat(view.context()).isEqualTo("web-support");
        assertThat(view.path().text()).isEqualTo("/views/games/{game.code}");
        assertThat(view.parts()).extracting(CompositionPart::name).containsExactly("game", "stats", "tickets");
        CompositionPart stats = view.parts().get(1);
        assertThat(stats.required()).isFalse();
        assertThat(stats.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(stats.select().text()).isEqualTo("$.stats");
        assertThat(stats.into().text()).isEqualTo("$.details.stats");
        assertThat(stats.target().path().text()).isEqualTo("/game-dept/games");
        assertThat(stats.target().query()).containsOnlyKeys("gameCode", "full");
        assertThat(view.parts().get(0).required()).as("required is the default").isTrue();
        assertThat(view.parts().get(0).timeout()).isNull();
        assertThat(view.match("/views/games/1")).contains(Map.of("game.code", "1"));
        assertThat(view.match("/views/games/")).isEmpty();
        assertThat(view.match("/views/games/1/x")).isEmpty();
    }

    @Test
    void load_modelsWithoutCompositionsStillBuildTheOldWay() {
        LoadResult load = ContextMaps.load(dir);

        assertThat(load.model().compositions()).isEmpty();
        assertThat(new dev.dragoman.rules.model.ContextModel(Map.of(), Map.of(), List.of(), List.of(), List.of()).compositions()).isEmpty();
    }

    @Test
    void check_aCompositionPathThatARoutesPatternAlsoMatches() {
        write("maps.yaml", VIEW.replace("path: /views/games/{game.code}", "path: /support/views/{game.code}"));

        MapChecks.Report report = MapChecks.check(dir);

        assertThat(report.findings()).extracting(Finding::toString).containsExactly(dir.resolve("maps.yaml")
                + ":4: compositions[0].path: unreachable: route ws-own's path /support/** also matches /support/views/{game.code}:"
                + " requests there (any method) go to composition view, never to the route; give the composition a path of its own"
                + " if that is not meant");
    }

    @Test
    void diff_namesCompositionsAndWhatChangedInTheirParts() {
        write("maps.yaml", VIEW);
        dev.dragoman.rules.model.ContextModel before = ContextMaps.load(dir).model();
        write("maps.yaml", VIEW.replace("timeout: PT2S", "timeout: PT3S").replace("id: view", "id: view2"));
        dev.dragoman.rules.model.ContextModel renamed = ContextMaps.load(dir).model();
        write("maps.yaml", VIEW.replace("timeout: PT2S", "timeout: PT3S"));
        dev.dragoman.rules.model.ContextModel after = ContextMaps.load(dir).model();

        assertThat(MapDiff.between(before, renamed)).extracting(MapDiff.Change::toString)
                .containsExactly("- composition view", "+ composition view2");
        assertThat(MapDiff.between(before, after)).extracting(MapDiff.Change::toString)
                .containsExactly("~ composition view: part stats timeout PT2S -> PT3S");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneErrorEach")
    void load_oneErrorEach(String test, String maps, String where, String message, String hint) {
        write("maps.yaml", maps);

        List<LoadError> errors = ContextMaps.load(dir).errors();

        assertThat(errors).as(errors.toString()).hasSize(1);
        LoadError error = errors.get(0);
        assertThat(error.file().getFileName() + ":" + error.line() + ": " + error.keyPath()).as(error.toString()).isEqualTo(where);
        assertThat(error.message()).contains(message);
        assertThat(error.hint()).contains(hint);
    }

    static Stream<Arguments> oneErrorEach() {
        return Stream.of(
                row("load_unknownRoute_didYouMean", VIEW.replace("route: ws-own", "route: ws-owm"),
                        "maps.yaml:18: compositions[0].parts[2].route", "unknown route 'ws-owm'", "did you mean 'ws-own'?"),
                row("load_routeOfAnotherContext", VIEW.replace("route: ws-own", "route: gd-to-ws").replace("/support/tickets", "/web-support/tickets"),
                        "maps.yaml:18: compositions[0].parts[2].route", "route 'gd-to-ws' serves callers of context 'game-dept', not 'web-support'",
                        "name a route from web-support"),
                row("load_pathFieldTheRouteDoesNotTranslate", VIEW.replace("/game-dept/games/{game.code}\n", "/game-dept/genres/{game.code}\n"),
                        "maps.yaml:8: compositions[0].parts[0].path", "{game.code} would reach game-dept untranslated: no path template of route 'ws-to-gd' matches",
                        "add a path template"),
                row("load_queryFieldTheRouteDoesNotTranslate", VIEW.replace("gameCode={game.code}", "code={game.code}"),
                        "maps.yaml:12: compositions[0].parts[1].path", "query parameter 'code' = {game.code} would reach game-dept untranslated",
                        "add code: game.code to route 'ws-to-gd'"),
                row("load_aValueThePathDoesNotGive", VIEW.replace("/support/tickets/by-game/{game.code}", "/support/tickets/by-name/{game.name}"),
                        "maps.yaml:19: compositions[0].parts[2].path", "{game.name} is not a value of the composition's path",
                        "{game.code}"),
                row("load_aPathTheRouteDoesNotServe", VIEW.replace("/support/tickets", "/tickets"),
                        "maps.yaml:19: compositions[0].parts[2].path", "route 'ws-own' does not serve /tickets/by-game/{game.code}",
                        "prefix included"),
                row("load_duplicateInto", VIEW.replace("into: $.tickets", "into: $.game"),
                        "maps.yaml:20: compositions[0].parts[2].into", "into '$.game' is already where part 'game' goes",
                        "its own place"),
                row("load_overlappingInto", VIEW.replace("into: $.tickets", "into: $.game.tickets"),
                        "maps.yaml:20: compositions[0].parts[2].into", "overlaps", "sibling members"),
                row("load_intoTheGapsList", VIEW.replace("into: $.tickets", "into: $.gaps"),
                        "maps.yaml:20: compositions[0].parts[2].into", "lists its gaps", "elsewhere"),
                row("load_intoThatIsNotMembers", VIEW.replace("into: $.tickets", "into: $.tickets[0]"),
                        "maps.yaml:20: compositions[0].parts[2].into", "must name a member", "member names only"),
                row("load_badJsonPath", VIEW.replace("select: $.stats", "select: stats"),
                        "maps.yaml:13: compositions[0].parts[1].select", "a path must start with '$'", "supported forms"),
                row("load_selectOfSeveralValues", VIEW.replace("select: $.stats", "select: $.stats[*]"),
                        "maps.yaml:13: compositions[0].parts[1].select", "may select several values", "members and indexes"),
                row("load_duplicatePartName", VIEW.replace("name: tickets", "name: game"),
                        "maps.yaml:17: compositions[0].parts[2].name", "part 'game' is already declared", "its own name"),
                row("load_unknownContext", VIEW.replace("for: web-support", "for: web-suport"),
                        "maps.yaml:3: compositions[0].for", "unknown context 'web-suport'", "did you mean 'web-support'?"),
                row("load_pathFieldTheContextLacks", VIEW.replace("path: /views/games/{game.code}", "path: /views/games/{game.id}"),
                        "maps.yaml:4: compositions[0].path", "game.id", "code, name"),
                row("load_translatingRuleInTheCompositionPath", VIEW.replace("path: /views/games/{game.code}", "path: /views/games/{game.name->code}"),
                        "maps.yaml:4: compositions[0].path", "translates nothing", "{game.name}"),
                row("load_badTimeout", VIEW.replace("timeout: PT2S", "timeout: 2s"),
                        "maps.yaml:16: compositions[0].parts[1].timeout", "'2s' is not an ISO-8601 duration", "PT30S"),
                row("load_noParts", """
                        compositions:
                          - id: view
                            for: web-support
                            path: /views/games/{game.code}
                            parts: []
                        """, "maps.yaml:5: compositions[0].parts", "at least one part", "add parts"),
                row("load_twoCompositionsOnOnePath", VIEW + """
                          - id: other
                            for: web-support
                            path: /views/games/{game.name}
                            parts:
                              - {name: game, route: ws-to-gd, path: '/game-dept/games/1', into: $.game}
                        """, "maps.yaml:24: compositions[1].path", "answers requests that composition 'view' (maps.yaml:2) answers too",
                        "its own path"),
                row("load_duplicateId", VIEW + """
                          - id: view
                            for: web-support
                            path: /views/other
                            parts:
                              - {name: game, route: ws-to-gd, path: '/game-dept/games/1', into: $.game}
                        """, "maps.yaml:22: compositions[1].id", "composition 'view' is already declared at maps.yaml:2",
                        "declare each composition once"),
                row("load_unknownPartKey", VIEW.replace("required: false\n        timeout", "requird: false\n        timeout"),
                        "maps.yaml:15: compositions[0].parts[1].requird", "unknown key 'requird'", "did you mean 'required'?"));
    }

    private static Arguments row(String test, String maps, String where, String message, String hint) {
        return Arguments.of(test, maps, where, message, hint);
    }

    private void write(String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
