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

    @Test
    void test_junitXml_isWrittenEvenWhenNoCaseRan_withTheProblemAsAnError() throws Exception {
        Files.writeString(dir.resolve("maps.yaml"), "contexts: [\n");
        Path xml = dir.resolve("out/TEST-map-tests.xml");

        CliRun run = run("test", dir.toString(), "--junit-xml", xml.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        org.w3c.dom.Element suite = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile())
                .getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo(suite.getAttribute("errors")).isNotEqualTo("0");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
    }

    @Test
    void sweep_isACommandOfTheToolsJar_andAStubDirectoryWithoutMappings_exitsOne() throws IOException {
        assertThat(ToolsCli.isCommand(new String[] {"sweep", "context-maps"})).isTrue();
        assertThat(run("sweep", "--help").out()).contains("--stubs", "--route", "--junit-xml", "Exit code: 0 when no stub failed");

        CliRun run = run("sweep", "../context-maps", "--stubs", dir.toString(), "--route", "web-support-to-game-dept");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(dir + " has no mappings folder", "0 stubs: 0 passed, 0 failed, 0 skipped, 1 problems kept stubs from running");
    }

    private static CliRun run(String... args) {
        return CliRun.run(ToolsCli.commandLine(InputStream.nullInputStream()), args);
    }
}
