package dev.dragoman.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.gateway.cli.CliRun;
import dev.dragoman.gateway.cli.DragomanCli;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code test}: what it answers before any gateway starts. The runs through a real gateway are
 * MapTestRunnerTests, MapTestExampleMapsTests and the jar's process test.
 */
class TestCommandTests {

    @TempDir
    Path dir;

    @Test
    void test_mapsThatDoNotLoad_exitOneWithTheLoadersErrors_andNoCaseRuns() throws IOException {
        Files.writeString(dir.resolve("maps.yaml"), """
                contexts:
                  game-dept: {}
                routes:
                  - id: r
                    from: game-dept
                    to: web-suport
                    path: /g/**
                    upstream: http://127.0.0.1:9101
                """);

        CliRun run = run("test", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(dir.resolve("maps.yaml") + ":6: routes[0].to: unknown context 'web-suport'")
                .contains("0 map test cases");
    }

    @Test
    void test_isACommandOfTheCommandLine_andTakesAnOptionalTestsFolder() {
        assertThat(DragomanCli.isCommand(new String[] {"test", "context-maps"})).isTrue();

        CliRun run = run("test", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("DIR", "[TESTS]", "Exit code: 0 when every case passed");
    }

    private static CliRun run(String... args) {
        return CliRun.run(ToolsCli.commandLine(InputStream.nullInputStream()), args);
    }
}
