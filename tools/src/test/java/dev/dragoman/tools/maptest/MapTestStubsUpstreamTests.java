package dev.dragoman.tools.maptest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.ContextMaps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code upstream: {stubs: DIR}}: a case's upstream answers from a department's own WireMock stub directory. */
class MapTestStubsUpstreamTests {

    @TempDir
    Path tmp;

    @Test
    void gameDeptsOwnStubsAnswer_andTheAnswerComesBackInWebSupportsWords() throws IOException {
        Path stubs = ContractSweepTests.DEPARTMENTS.resolve("game-dept").toAbsolutePath().normalize();
        Files.writeString(tmp.resolve("games.yaml"), """
                http:
                  - name: game 3 from game-dept's own stubs
                    route: web-support-to-game-dept
                    request: {path: /game-dept/games/3}
                    upstream:
                      stubs: %s
                      receives: {path: /games/1003}
                    response:
                      body: {code: 3, name: vr_game_z, genre: vr, related: [{code: 4}]}
                  - name: a wrong expectation fails, so the stubs really answered
                    route: web-support-to-game-dept
                    request: {path: /game-dept/games/4}
                    upstream: {stubs: %s}
                    response:
                      body: {code: 4, name: not_this_name, genre: console, related: []}
                """.formatted(stubs, stubs));

        MapTestReport report = MapTestRunner.run(ContractSweepTests.MAPS, tmp);

        assertThat(report.problems()).isEmpty();
        assertThat(report.cases()).hasSize(2);
        assertThat(report.cases().get(0).failures()).isEmpty();
        assertThat(report.cases().get(1).failures()).isNotEmpty().anySatisfy(f -> assertThat(f).contains("$.name"));
    }

    @Test
    void aStubsFolderWithoutMappings_isAnErrorWithItsLine_relativeToTheTestFile() {
        var model = ContextMaps.load(ContractSweepTests.MAPS).orElseThrow();
        String text = """
                http:
                  - name: x
                    route: web-support-to-game-dept
                    request: {path: /game-dept/games/3}
                    upstream:
                      stubs: ../no-such-stubs
                    response: {status: 200}
                """;

        MapTestFileException e = Assertions.catchThrowableOfType(MapTestFileException.class,
                () -> TestFileReader.read(tmp.resolve("tests/games.yaml"), text, model));

        assertThat(e.line()).isEqualTo(6);
        assertThat(e.getMessage()).isEqualTo(tmp.resolve("no-such-stubs") + " is not a WireMock stub directory: it has no mappings folder");
    }
}
