package dev.dragoman.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.support.Netty4HeadersAdapter;

/** A header under two spellings is one header with all its lines, never each line twice. */
class HeaderSpellingsFilterTests {

    @Test
    void theServersViewVisitsAHeaderOncePerSpelling_theMergedOneOnce() {
        DefaultHttpHeaders netty = new DefaultHttpHeaders();
        netty.add("X-Other", "a");
        netty.add("x-other", "b");
        netty.add("Host", "h");
        HttpHeaders server = HttpHeaders.readOnlyHttpHeaders(new HttpHeaders(new Netty4HeadersAdapter(netty)));
        assertThat(server.size()).as("the view the filter tells apart").isGreaterThan(server.headerNames().size());

        HttpHeaders merged = HeaderSpellingsFilter.merged(server);

        assertThat(merged.size()).isEqualTo(merged.headerNames().size()).isEqualTo(2);
        assertThat(merged.get("X-Other")).containsExactly("a", "b");
        HttpHeaders copied = new HttpHeaders();
        copied.addAll(merged);
        assertThat(copied.get("x-other")).as("as request.mutate() copies it").containsExactly("a", "b");
    }
}
