package dev.dragoman.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks that need no examples, each on the smallest map that shows it; lines read off the text blocks. */
class MapChecksTests {

    private static final String CONTEXTS = """
            contexts:
              game-dept:   {description: Game development}
              web-support: {description: Web support}
            """;

    @TempDir
    Path dir;

    private MapChecks.Report check(String yaml) throws IOException {
        Files.writeString(dir.resolve("maps.yaml"), CONTEXTS + yaml);
        MapChecks.Report report = MapChecks.check(dir);
        assertThat(report.load().errors()).isEmpty();
        return report;
    }

    private static final String GAME = """
            concepts:
              game:
                keys:
                  game-dept:   [code, name]
                  web-support: [code, name]
                entries:
                  - game-dept:   {code: 1001, name: mgame_x}
                    web-support: {code: 1,    name: mob_game_x}
            """;

    private static final String ROUTE = """
            routes:
              - id: r
                from: web-support
                to: game-dept
                path: /g/**
                upstream: http://127.0.0.1:9101
                request:
            """;

    @Test
    void check_completeTableAndUsedConcept_findsNothing() throws IOException {
        MapChecks.Report report = check(GAME + ROUTE + """
                      query: {gameCode: game.code}
                """);

        assertThat(report.findings()).isEmpty();
        assertThat(report.clean()).isTrue();
    }

    @Test
    void check_rowWithoutIdentityInTheOtherContext_isNonInvertibleOneWayOnly() throws IOException {
        MapChecks.Report report = check(GAME + """
                      - game-dept:   {code: 1005, name: agame_v}
                """ + ROUTE + """
                      query: {gameCode: game.code}
                """);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.NON_INVERTIBLE);
            assertThat(f.file()).isEqualTo(dir.resolve("maps.yaml"));
            assertThat(f.line()).isEqualTo(12);
            assertThat(f.keyPath()).isEqualTo("concepts.game.entries[1]");
            assertThat(f.message()).isEqualTo("game game-dept -> web-support -> game-dept does not give back 1 row: entry 1 (line 12): "
                    + "game-dept.code 1005 has no web-support.code, game-dept.name agame_v has no web-support.name");
        });
    }

    @Test
    void check_rowKnownInTheOtherContextWithoutAnAspect_isNonInvertible() throws IOException {
        MapChecks.Report report = check(GAME + """
                      - game-dept:   {code: 1002, name: pgame_y}
                        web-support: {name: pc_game_y}
                """ + ROUTE + """
                      query: {gameCode: game.code}
                """);

        assertThat(report.findings()).extracting(Finding::toString).containsExactly(
                dir.resolve("maps.yaml") + ":12: concepts.game.entries[1]: non-invertible: game game-dept -> web-support -> game-dept "
                        + "does not give back 1 row: entry 1 (line 12): game-dept.code 1002 has no web-support.code");
    }

    @Test
    void check_csvRowWithoutIdentity_namesTheCsvLine() throws IOException {
        Files.writeString(dir.resolve("regions.csv"), "game-dept.code,web-support.code\nEU-W,eu_west\n\nNA-E,\n");
        MapChecks.Report report = check("""
                concepts:
                  region:
                    keys: {game-dept: [code], web-support: [code]}
                    entries-file: regions.csv
                """ + ROUTE + """
                      query: {region: region.code}
                """);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(dir.resolve("regions.csv"));
            assertThat(f.line()).isEqualTo(4);
            assertThat(f.message()).contains("the row at line 4 of regions.csv: game-dept.code NA-E has no web-support.code");
        });
    }

    @Test
    void check_templateAfterOneThatMatchesTheSamePaths_isUnreachable() throws IOException {
        MapChecks.Report report = check(GAME + ROUTE + """
                      path-templates:
                        - /games/{game.code}
                        - /games/{game.name}
                        - /games/{game.code}/stats
                        - /games/top
                """);

        assertThat(report.findings()).extracting(Finding::keyPath, Finding::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("routes[0].request.path-templates[1]", 21),
                org.assertj.core.groups.Tuple.tuple("routes[0].request.path-templates[3]", 23));
        assertThat(report.findings().get(1).message()).startsWith("path template /games/top never applies: the earlier /games/{game.code}");
    }

    @Test
    void check_literalBeforeIdentifier_isNotUnreachable() throws IOException {
        MapChecks.Report report = check(GAME + ROUTE + """
                      path-templates:
                        - /games/top
                        - /games/{game.code}
                """);

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void check_bodyPathsSelectingTheSameValues_laterIsUnreachable() throws IOException {
        MapChecks.Report report = check(GAME + ROUTE + """
                      body:
                        $.game.code: game.code
                        $['game'].code: game.name
                """);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.UNREACHABLE);
            assertThat(f.keyPath()).isEqualTo("routes[0].request.body['$['game'].code']");
            assertThat(f.message()).isEqualTo("body path $['game'].code selects the same values as $.game.code: keep one rule");
        });
    }

    @Test
    void check_headerRuledTwiceInDifferentCase_isUnreachable() throws IOException {
        MapChecks.Report report = check(GAME + ROUTE + """
                      headers: {X-Game: game.code, x-game: game.name}
                """);

        assertThat(report.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.UNREACHABLE);
        assertThat(report.findings().get(0).message()).contains("header x-game is also ruled as X-Game");
    }

    @Test
    void check_conceptNoRuleRefersTo_isUnused() throws IOException {
        MapChecks.Report report = check(GAME);

        assertThat(report.findings()).extracting(Finding::toString).containsExactly(
                dir.resolve("maps.yaml") + ":5: concepts.game: unused: concept game is referred to by no route and no event "
                        + "(write a rule such as game.<field>, or remove it)");
    }

    @Test
    void check_conceptUsedByAnEventOnly_isUsed() throws IOException {
        MapChecks.Report report = check(GAME + """
                events:
                  - type: game.released
                    from: game-dept
                    deliver:
                      - to: web-support
                        endpoint: http://127.0.0.1:9102/events
                        data: {$.code: game.code}
                """);

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void check_mapsThatDoNotLoad_reportTheLoadErrorsAndNoFindings() throws IOException {
        Files.writeString(dir.resolve("maps.yaml"), "contexts: {a: {}}\nroutes: [{id: r, from: b}]\n");

        MapChecks.Report report = MapChecks.check(dir);

        assertThat(report.load().isValid()).isFalse();
        assertThat(report.findings()).isEmpty();
        assertThat(report.clean()).isFalse();
    }

    @Test
    void check_exampleMaps_findOnlyTheArcadeGameAndTheUnusedRegions() {
        MapChecks.Report report = MapChecks.check(Path.of("../context-maps"));

        assertThat(report.load().errors()).isEmpty();
        List<String> findings = report.findings().stream().map(f -> f.file().getFileName() + ":" + f.line() + " " + f.kind()).toList();
        assertThat(findings).containsExactly("games.yaml:29 NON_INVERTIBLE", "regions.yaml:9 UNUSED");
    }
}
