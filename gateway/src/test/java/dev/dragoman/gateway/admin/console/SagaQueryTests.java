package dev.dragoman.gateway.admin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.gateway.saga.SagaCursor;
import dev.dragoman.gateway.saga.SagaOrder;
import dev.dragoman.gateway.saga.SagaSearch;
import dev.dragoman.gateway.saga.SagaStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The sagas tab's form as the browser sends it, and its pages: Next adds a cursor to the trail, Previous takes it back. */
class SagaQueryTests {

    @Test
    void anEmptyFormSearchesEverySagaNewestFirst() {
        SagaSearch search = SagaQuery.of(new LinkedMultiValueMap<>()).search();

        assertThat(search.statuses()).isEqualTo(EnumSet.allOf(SagaStatus.class));
        assertThat(search.order()).isEqualTo(SagaOrder.NEWEST);
        assertThat(search.saga()).isNull();
        assertThat(search.limit()).isEqualTo(SagaSearch.DEFAULT_LIMIT);
    }

    @Test
    void readsTheFieldsWithDatetimeLocalTimesAsUtc() {
        SagaSearch search = SagaQuery.of(query("status=open&status=timed-out&saga=returns&sagaid=ord-&from=2026-12-01T10:00"
                + "&to=2026-12-01T12:30:15&order=deadline")).search();

        assertThat(search.statuses()).containsExactlyInAnyOrder(SagaStatus.OPEN, SagaStatus.TIMED_OUT);
        assertThat(search.saga()).isEqualTo("returns");
        assertThat(search.sagaIdPrefix()).isEqualTo("ord-");
        assertThat(search.from()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(search.to()).isEqualTo(Instant.parse("2026-12-01T12:30:15Z"));
        assertThat(search.order()).isEqualTo(SagaOrder.DEADLINE);
    }

    @Test
    void namesTheFieldItCannotUse() {
        assertThatThrownBy(() -> SagaQuery.of(query("status=stuck")).search()).isInstanceOf(SagaQuery.Invalid.class)
                .hasMessageContaining("status 'stuck' is none of open, confirming, completed, aborted, timed-out");
        assertThatThrownBy(() -> SagaQuery.of(query("from=yesterday")).search()).hasMessageContaining("from 'yesterday' is no time");
        assertThatThrownBy(() -> SagaQuery.of(query("from=2026-12-01T10:00&to=2026-12-01T09:00")).search())
                .hasMessageContaining("must be after");
        String newest = new SagaCursor(SagaOrder.NEWEST, Instant.parse("2026-12-01T10:00:00Z"), "a").encode();
        assertThatThrownBy(() -> SagaQuery.of(query("order=deadline&cursor=" + newest)).search()).hasMessageContaining("another order");
    }

    @Test
    void nextAndPreviousWalkTheTrailOfCursorsAndKeepTheFilters() {
        SagaQuery first = SagaQuery.of(query("status=open&saga=returns"));
        assertThat(first.previous()).isNull();
        assertThat(first.first()).isNull();

        String second = first.next("C1");
        assertThat(second).isEqualTo("status=open&saga=returns&cursor=C1&trail=-&page=2");
        SagaQuery onSecond = SagaQuery.of(query(second));
        String third = onSecond.next("C2");
        assertThat(third).isEqualTo("status=open&saga=returns&cursor=C2&trail=-%2CC1&page=3");

        SagaQuery onThird = SagaQuery.of(query(third));
        assertThat(onThird.page()).isEqualTo(3);
        assertThat(onThird.previous()).isEqualTo(second);
        assertThat(SagaQuery.of(query(onThird.previous())).previous()).isEqualTo("status=open&saga=returns");
        assertThat(onThird.first()).isEqualTo("status=open&saga=returns");
    }

    @Test
    void theTrailKeepsTheLastPagesOnlySoThatALinkStaysShort() {
        SagaQuery page = SagaQuery.of(query(""));
        for (int i = 1; i <= 30; i++) {
            page = SagaQuery.of(query(page.next("C" + i)));
        }

        assertThat(page.page()).isEqualTo(31);
        assertThat(page.trail()).hasSize(SagaQuery.TRAIL).startsWith("C10").endsWith("C29");
        for (int i = 0; i < SagaQuery.TRAIL; i++) {
            page = SagaQuery.of(query(page.previous()));
        }
        assertThat(page.page()).isEqualTo(11);
        assertThat(page.previous()).as("further back is the first page's button").isNull();
        assertThat(page.first()).isEqualTo("");
    }

    /** The query as the server reads it: split at '&' and '=', each value decoded. */
    private static MultiValueMap<String, String> query(String text) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        for (String pair : text.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                query.add(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }
}
