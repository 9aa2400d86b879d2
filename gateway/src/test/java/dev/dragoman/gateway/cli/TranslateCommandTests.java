package dev.dragoman.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Against the example maps: web support's route to the game department, both ways. */
class TranslateCommandTests {

    private static final String MAPS = CliRun.EXAMPLE_MAPS.toString();
    private static final String ROUTE = "web-support-to-game-dept";

    @Test
    void translate_request_pathQueryHeadersAndBody() {
        CliRun run = CliRun.withStdin("{\"game\":{\"code\":1,\"name\":\"mob_game_x\"},\"items\":[{\"gameCode\":3,\"quantity\":1}]}",
                "translate", MAPS, "--route", ROUTE, "--direction", "request", "--path", "/games/1/stats",
                "--query", "gameCode=2&page=1", "--header", "X-Game-Name: mob_game_x", "--header", "Accept: application/json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("{\"game\":{\"code\":1001,\"name\":\"mgame_x\"},\"items\":[{\"gameCode\":1003,\"quantity\":1}]}");
        assertThat(run.err().lines()).containsExactly(
                "path /games/1001/stats",
                "query gameCode=1002&page=1",
                "header X-Game-Name: mgame_x",
                "header Accept: application/json",
                "route " + ROUTE + " request: 6 values translated");
    }

    @Test
    void translate_response_bodyBackIntoTheCallersVocabulary() {
        CliRun run = CliRun.withStdin("{\"code\":1001,\"name\":\"mgame_x\",\"related\":[{\"code\":1002}]}",
                "translate", MAPS, "--route", ROUTE, "--direction", "response");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("{\"code\":1,\"name\":\"mob_game_x\",\"related\":[{\"code\":2}]}");
    }

    @Test
    void translate_untranslatableValues_everyOneListedAndExitOne() {
        CliRun run = CliRun.withStdin("{\"code\":1005,\"name\":\"agame_v\"}",
                "translate", MAPS, "--route", ROUTE, "--direction", "response", "--header", "X-Game-Name: agame_v");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("{\"code\":1005,\"name\":\"agame_v\"}");
        assertThat(run.err().lines()).containsExactly(
                "header X-Game-Name: agame_v",
                "untranslatable: header X-Game-Name: agame_v (game.name, unknown)",
                "untranslatable: body $.code: 1005 (game.code, unknown)",
                "untranslatable: body $.name: agame_v (game.name, unknown)",
                "route " + ROUTE + " response: 0 values translated, 3 untranslatable (the gateway would answer 502)");
    }

    @Test
    void translate_pathNoTemplateMatches_isForwardedUnchanged() {
        CliRun run = CliRun.of("translate", MAPS, "--route", ROUTE, "--path", "/reviews");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).startsWith("path /reviews   (no template matches: forwarded unchanged)");
    }

    @Test
    void translate_unknownRoute_namesTheRoutes() {
        CliRun run = CliRun.of("translate", MAPS, "--route", "nope", "--path", "/games/1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no route 'nope' in ../context-maps; the routes are web-support-to-game-dept, game-dept-to-web-support");
    }

    @Test
    void translate_responseWithAPath_isAUsageError() {
        CliRun run = CliRun.of("translate", MAPS, "--route", ROUTE, "--direction", "response", "--path", "/games/1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("a response has no path to translate");
    }

    @Test
    void translate_malformedBody_exitsOneSayingSo() {
        CliRun run = CliRun.withStdin("{\"game\":", "translate", MAPS, "--route", ROUTE);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("the body is not JSON");
    }
}
