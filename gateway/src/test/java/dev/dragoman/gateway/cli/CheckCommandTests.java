package dev.dragoman.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTests {

    private static final String CLEAN = """
            contexts:
              game-dept:   {}
              web-support: {}
            concepts:
              game:
                keys: {game-dept: [code], web-support: [code]}
                entries:
                  - {game-dept: {code: 1001}, web-support: {code: 1}}
            routes:
              - id: r
                from: web-support
                to: game-dept
                path: /g/**
                upstream: http://127.0.0.1:9101
                request:
                  path-templates: ['/games/{game.code}']
            """;

    @TempDir
    Path dir;

    @Test
    void check_cleanMaps_exitsZero() throws IOException {
        Files.writeString(dir.resolve("maps.yaml"), CLEAN);

        CliRun run = CliRun.of("check", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(dir + ": nothing found: 2 contexts, 1 concept, 1 route, 0 events, 0 sagas\n");
    }

    @Test
    void check_findings_printedOnePerLineWithFileAndLine_exitTwo() throws IOException {
        Files.writeString(dir.resolve("maps.yaml"), CLEAN.replace("['/games/{game.code}']", "['/games/{game.code}', '/games/top']"));

        CliRun run = CliRun.of("check", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out().lines()).containsExactly(
                dir.resolve("maps.yaml") + ":16: routes[0].request.path-templates[1]: unreachable: path template /games/top never applies: "
                        + "the earlier /games/{game.code} matches every path it matches (the first template that matches applies; "
                        + "put the more specific one first)",
                dir + ": 1 finding (warnings: the maps load)");
    }

    @Test
    void check_mapsThatDoNotLoad_exitOneWithTheLoadErrors() throws IOException {
        Files.writeString(dir.resolve("maps.yaml"), CLEAN.replace("from: web-support", "from: web"));

        CliRun run = CliRun.of("check", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(dir.resolve("maps.yaml") + ":11: routes[0].from: unknown context 'web'")
                .contains(": invalid: 1 error (the maps must load before they are checked)");
    }

    @Test
    void check_exampleMaps_findTheArcadeGameAndTheUnusedRegions() {
        CliRun run = CliRun.of("check", CliRun.EXAMPLE_MAPS.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out().lines()).containsExactly(
                "../context-maps/games.yaml:29: concepts.game.entries[4]: non-invertible: game game-dept -> web-support -> game-dept "
                        + "does not give back 1 row: entry 4 (line 29): game-dept.code 1005 has no web-support.code, "
                        + "game-dept.name agame_v has no web-support.name",
                "../context-maps/regions.yaml:9: concepts.region: unused: concept region is referred to by no route and no event "
                        + "(write a rule such as region.<field>, or remove it)",
                "../context-maps: 2 findings (warnings: the maps load)");
    }
}
