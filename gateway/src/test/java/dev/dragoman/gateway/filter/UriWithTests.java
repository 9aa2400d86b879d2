package dev.dragoman.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The forwarded URI keeps every encoded byte of the translated path and query, and everything else as it came. */
class UriWithTests {

    @Test
    void replacesThePathAndTheQuery_keepingTheRestExactly() {
        URI uri = URI.create("http://user@[::1]:8080/games/1/stats?gameCode=1&q=a%2Bb%20c#top");

        assertThat(RequestTranslationFilter.uriWith(uri, "/games/1001/st%C3%A4ts", "gameCode=1001&q=a%2Bb%20c"))
                .hasToString("http://user@[::1]:8080/games/1001/st%C3%A4ts?gameCode=1001&q=a%2Bb%20c#top");
    }

    @Test
    void dropsAQueryThatIsNoMore_andKeepsAnUnchangedUriItself() {
        URI uri = URI.create("http://127.0.0.1:9/names/grand%20jeu?x=1");

        assertThat(RequestTranslationFilter.uriWith(uri, "/names/big%20game", null)).hasToString("http://127.0.0.1:9/names/big%20game");
        assertThat(RequestTranslationFilter.uriWith(uri, "/names/grand%20jeu", "x=1")).isSameAs(uri);
    }
}
