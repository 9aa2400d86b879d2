package dev.dragoman.tools.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.gateway.cli.CliRun;
import dev.dragoman.tools.cli.ToolsCli;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stubs translate} on the command line: what it writes, what it reports (file:json-path: why) and its exit code. */
class StubsTranslateCommandTests {

    static final String MAPS = StubRoundTripTests.MAPS.toString();

    @TempDir
    Path tmp;

    Path in;
    Path out;

    @BeforeEach
    void stubs() throws IOException {
        in = tmp.resolve("in");
        out = tmp.resolve("out");
        Files.createDirectories(in.resolve("mappings"));
        Files.createDirectories(in.resolve("__files"));
        Files.writeString(in.resolve("mappings/games.json"), """
                {"mappings": [
                  {"request": {"method": "GET", "urlPath": "/games/1002"}, "response": {"status": 200, "bodyFileName": "g.json"}},
                  {"request": {"method": "GET", "urlPath": "/games", "queryParameters": {"gameCode": {"matches": "100[1-4]"}}},
                   "response": {"status": 200}},
                  {"request": {"method": "GET", "urlPath": "/games/1999"}, "response": {"status": 200}}
                ]}
                """);
        Files.writeString(in.resolve("__files/g.json"), "{\"code\":1002,\"name\":\"pgame_y\",\"note\":\"kept\"}");
    }

    @Test
    void aRegexOverAnIdentifier_andAnUnknownIdentifier_areReportedWithFileAndJsonPath_exitOne_andNotWritten() throws IOException {
        CliRun run = run("stubs", "translate", MAPS, "--from", "game-dept", "--to", "web-support", "--in", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("mappings/games.json:$.mappings[1].request.queryParameters.gameCode.matches: a 'matches' matcher "
                + "over an identifier (query parameter gameCode) cannot be translated")
                .contains("mappings/games.json:$.mappings[2].request.urlPath: path /games/{game.code} segment 2 1999 (game.code) "
                        + "has no row for web-support in games.yaml:14");
        assertThat(run.out()).contains("1 of 3 mappings and 1 body file translated", "2 mappings not translated", "not written");
        String written = Files.readString(out.resolve("mappings/games.json"));
        assertThat(written).contains("\"/games/2\"").doesNotContain("100[1-4]", "1999");
        assertThat(MappingTranslator.readTree(Files.readAllBytes(out.resolve("__files/g.json"))))
                .isEqualTo(MappingTranslator.readTree("{\"code\":2,\"name\":\"pc_game_y\",\"note\":\"kept\"}".getBytes()));
    }

    @Test
    void keepUntranslatable_writesThemAsTheyWere_andStillExitsOne() throws IOException {
        CliRun run = run("stubs", "translate", MAPS, "--from", "game-dept", "--to", "web-support", "--in", in.toString(), "--out",
                out.toString(), "--keep-untranslatable");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("written as they were (--keep-untranslatable)");
        assertThat(Files.readString(out.resolve("mappings/games.json"))).contains("\"/games/2\"", "100[1-4]", "/games/1999");
    }

    @Test
    void everythingTranslated_exitZero() throws IOException {
        Files.writeString(in.resolve("mappings/games.json"), """
                {"request": {"url": "/games?gameCode=1003", "headers": {"X-Game-Name": {"equalTo": "vgame_z"}},
                 "bodyPatterns": [{"equalToJson": {"game": {"code": 1003}}}]}, "response": {"status": 204}}
                """);

        CliRun run = run("stubs", "translate", MAPS, "--from", "game-dept", "--to", "web-support", "--in", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(MappingTranslator.readTree(Files.readAllBytes(out.resolve("mappings/games.json")))).isEqualTo(MappingTranslator.readTree("""
                {"request": {"url": "/games?gameCode=3", "headers": {"X-Game-Name": {"equalTo": "vr_game_z"}},
                 "bodyPatterns": [{"equalToJson": {"game": {"code": 3}}}]}, "response": {"status": 204}}
                """.getBytes()));
    }

    @Test
    void aFolderThatIsNotEmpty_isRefused_soNoStaleStubMixesIn() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("old.json"), "{}");

        CliRun run = run("stubs", "translate", MAPS, "--from", "game-dept", "--to", "web-support", "--in", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("is not empty");
    }

    @Test
    void contextsNoRouteJoins_saySo() {
        CliRun run = run("stubs", "translate", MAPS, "--from", "order", "--to", "web-support", "--in", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no route joins order and web-support");
    }

    @Test
    void stubs_isACommandOfTheToolsJar() {
        assertThat(ToolsCli.isCommand(new String[] {"stubs", "translate"})).isTrue();
        assertThat(run("stubs", "translate", "--help").out()).contains("--keep-untranslatable", "--route");
    }

    private static CliRun run(String... args) {
        return CliRun.run(ToolsCli.commandLine(InputStream.nullInputStream()), args);
    }
}
