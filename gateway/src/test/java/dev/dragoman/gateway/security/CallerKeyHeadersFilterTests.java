package dev.dragoman.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** The caller's key is dropped from what is forwarded, whatever its case; every other header goes on. */
class CallerKeyHeadersFilterTests {

    private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));

    @Test
    void dropsTheKeyWhateverItsCase_keepingTheRest() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("x-api-key", "secret");
        headers.add("X-Trace", "t-1");
        headers.add("Accept", "application/json");
        headers.add("Accept", "text/plain");

        HttpHeaders forwarded = new CallerKeyHeadersFilter().filter(headers, exchange);

        assertThat(forwarded.containsHeader("X-Api-Key")).isFalse();
        assertThat(forwarded.get("X-Trace")).containsExactly("t-1");
        assertThat(forwarded.get("Accept")).containsExactly("application/json", "text/plain");
    }

    @Test
    void aHeaderSentUnderTwoSpellingsGoesOnWithEachValueOnce() {
        // as the server hands them over: Netty's headers, which list a name once per spelling
        DefaultHttpHeaders netty = new DefaultHttpHeaders();
        netty.add("X-Api-Key", "secret");
        netty.add("X-Other", "a");
        netty.add("x-other", "b");
        HttpHeaders headers = new HttpHeaders(new Netty4HeadersAdapter(netty));

        HttpHeaders forwarded = new CallerKeyHeadersFilter().filter(headers, exchange);

        assertThat(forwarded.get("X-Other")).containsExactly("a", "b");
        assertThat(forwarded.containsHeader("X-Api-Key")).isFalse();
    }

    @Test
    void passesHeadersWithoutAKeyAsTheyAre() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Trace", "t-1");

        assertThat(new CallerKeyHeadersFilter().filter(headers, exchange)).isSameAs(headers);
    }
}
