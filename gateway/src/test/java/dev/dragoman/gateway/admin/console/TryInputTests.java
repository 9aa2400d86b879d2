package dev.dragoman.gateway.admin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.rules.model.OnUnknown;
import dev.dragoman.rules.model.Route;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Try it's form as people fill it in: the path as the caller sends it, a query, headers a line, a JSON body. */
class TryInputTests {

    private static final Route ROUTE = new Route("ws-to-gd", "web-support", "game-dept", "/game-dept/**", 1,
            URI.create("http://127.0.0.1:9101"), OnUnknown.REJECT, null, null);

    @Test
    void stripsTheRoutesPrefixAsTheRouteWould() {
        TryInput input = TryInput.of(ROUTE, "request", "/game-dept/games/1", "", "", "");

        assertThat(input.sentPath()).isEqualTo("/game-dept/games/1");
        assertThat(input.dryRun().path()).isEqualTo("/games/1");
        assertThat(TryInput.stripPrefix("/game-dept", 1)).isEqualTo("/");
        assertThat(TryInput.stripPrefix("/a/b/", 1)).isEqualTo("/b/");
        assertThat(TryInput.stripPrefix("/a/b", 0)).isEqualTo("/a/b");
    }

    @Test
    void readsAQueryInThePathHeadersALineAndAJsonBody() {
        TryInput input = TryInput.of(ROUTE, "", "/game-dept/games?gameCode=3&gameCode=4", "", "X-Game-Name: mob_game_x\n\nX-Other: a:b",
                "{\"game\": {\"code\": 1}}");

        assertThat(input.direction()).isEqualTo("request");
        assertThat(input.query()).isEqualTo(Map.of("gameCode", List.of("3", "4")));
        assertThat(input.headers()).containsEntry("X-Game-Name", List.of("mob_game_x")).containsEntry("X-Other", List.of("a:b"));
        assertThat(new String(input.dryRun().body())).isEqualTo("{\"game\":{\"code\":1}}");
    }

    @Test
    void refusesWhatTheDryRunCannotTakeSayingWhatToChange() {
        assertThatThrownBy(() -> TryInput.of(ROUTE, "request", "/web-support/x", "", "", ""))
                .hasMessage("route ws-to-gd serves /game-dept/**, and /web-support/x is not under it; give the path as the caller sends it");
        assertThatThrownBy(() -> TryInput.of(ROUTE, "response", "/game-dept/games/1", "", "", ""))
                .hasMessage("a response has no path to translate; give headers and a body");
        assertThatThrownBy(() -> TryInput.of(ROUTE, "request", "", "", "no colon here", ""))
                .hasMessage("write one header a line, as Name: value; this line is not: 'no colon here'");
        assertThatThrownBy(() -> TryInput.of(ROUTE, "request", "", "", "", "{nope"))
                .hasMessageStartingWith("the body is not JSON: ");
        assertThatThrownBy(() -> TryInput.of(ROUTE, "sideways", "", "", "", ""))
                .hasMessage("direction must be request or response but was 'sideways'");
    }
}
