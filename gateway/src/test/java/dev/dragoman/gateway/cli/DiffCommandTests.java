package dev.dragoman.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTests {

    @TempDir
    Path dir;

    /** A copy of the example maps, to change. */
    private Path copyOfExampleMaps() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("new"));
        try (Stream<Path> files = Files.list(CliRun.EXAMPLE_MAPS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    @Test
    void diff_sameMaps_noChange() {
        CliRun run = CliRun.of("diff", CliRun.EXAMPLE_MAPS.toString(), CliRun.EXAMPLE_MAPS.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("no change\n");
    }

    @Test
    void diff_changedRowsRulesAndCsv_listsEachChange() throws IOException {
        Path changed = copyOfExampleMaps();
        Path games = changed.resolve("games.yaml");
        Files.writeString(games, Files.readString(games)
                .replace("name: agame_v}", "name: agame_v}\n        web-support: {code: 5, name: arcade_game_v}")
                .replace("query:   {gameCode: game.code}", "query:   {gameCode: game.code, game: game.name}"));
        Path regions = changed.resolve("regions.csv");
        Files.writeString(regions, Files.readString(regions).replace("NA-W,us_west\n", ""));

        CliRun run = CliRun.of("diff", CliRun.EXAMPLE_MAPS.toString(), changed.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "~ concept game: row changed {game-dept.code: 1005, game-dept.name: agame_v}"
                        + " -> {game-dept.code: 1005, game-dept.name: agame_v, web-support.code: 5, web-support.name: arcade_game_v}",
                "~ concept region: row removed {game-dept.code: NA-W, web-support.code: us_west}",
                "~ route web-support-to-game-dept: request.query added game: game.name",
                "3 changes");
    }

    @Test
    void diff_newMapsThatDoNotLoad_exitOneWithTheirErrors() throws IOException {
        Path broken = copyOfExampleMaps();
        Files.writeString(broken.resolve("games.yaml"), Files.readString(broken.resolve("games.yaml")).replace("from: web-support", "from: web"));

        CliRun run = CliRun.of("diff", CliRun.EXAMPLE_MAPS.toString(), broken.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("games.yaml:34: routes[0].from: unknown context 'web'");
    }
}
