package dev.dragoman.gateway.admin.console;

import dev.dragoman.gateway.saga.SagaCursor;
import dev.dragoman.gateway.saga.SagaOrder;
import dev.dragoman.gateway.saga.SagaSearch;
import dev.dragoman.gateway.saga.SagaStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * The sagas tab's form as the browser sends it (empty fields are "any", statuses are checkboxes,
 * times are {@code datetime-local} values read as UTC) and where the reader is in the pages: the
 * cursor of this page and the trail of cursors before it, so that "previous" needs no count of
 * rows to skip either. The trail keeps the last {@value #TRAIL} pages only: the cursors travel in
 * the links' query, which the server reads up to a few kilobytes; further back is the first page.
 *
 * @param trail the cursors of the pages before this one, oldest first; {@code -} stands for the first page
 * @param page this page's number, counting from 1
 */
public record SagaQuery(List<String> statuses, String saga, String sagaid, String from, String to, String order, String cursor,
        List<String> trail, int page) {

    /** How many pages back "previous" goes. */
    static final int TRAIL = 20;

    /** A field the search cannot take, in words for the form. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    static final String FIRST_PAGE = "-";

    static SagaQuery of(MultiValueMap<String, String> query) {
        List<String> trail = new ArrayList<>();
        String text = field(query, "trail");
        if (!text.isEmpty()) {
            trail.addAll(List.of(text.split(",")));
        }
        return new SagaQuery(query.getOrDefault("status", List.of()).stream().filter(s -> !s.isBlank()).toList(), field(query, "saga"),
                field(query, "sagaid"), field(query, "from"), field(query, "to"), field(query, "order"), field(query, "cursor"), trail,
                page(field(query, "page")));
    }

    static int page(String text) {
        try {
            return Math.max(1, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static List<String> last(List<String> trail) {
        return trail.size() <= TRAIL ? trail : trail.subList(trail.size() - TRAIL, trail.size());
    }

    /** @throws Invalid naming the field that cannot be used */
    SagaSearch search() {
        Set<SagaStatus> wanted = EnumSet.noneOf(SagaStatus.class);
        for (String word : statuses) {
            try {
                wanted.add(SagaStatus.valueOf(word.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new Invalid("status '" + word + "' is none of open, confirming, completed, aborted, timed-out");
            }
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new Invalid("'started to' " + to + " must be after 'started from' " + from);
        }
        SagaOrder sorted = order.equals("deadline") ? SagaOrder.DEADLINE : SagaOrder.NEWEST;
        SagaCursor after = null;
        if (!cursor.isEmpty()) {
            try {
                after = SagaCursor.decode(cursor);
            } catch (IllegalArgumentException e) {
                throw new Invalid(e.getMessage());
            }
            if (after.order() != sorted) {
                throw new Invalid("the page continues a list in another order: search again");
            }
        }
        return new SagaSearch(wanted.isEmpty() ? EnumSet.allOf(SagaStatus.class) : wanted, saga, sagaid, start, end, sorted,
                SagaSearch.DEFAULT_LIMIT, after);
    }

    /** This page's query string, without the {@code shown} stamp. */
    public String query() {
        return query(cursor, trail, page);
    }

    /** The next page's query: this page's cursor joins the trail. */
    String next(String nextCursor) {
        List<String> longer = new ArrayList<>(trail);
        longer.add(cursor.isEmpty() ? FIRST_PAGE : cursor);
        return query(nextCursor, last(longer), page + 1);
    }

    /** The previous page's query, or null on the first page. */
    String previous() {
        if (trail.isEmpty()) {
            return null;
        }
        String back = trail.get(trail.size() - 1);
        return query(back.equals(FIRST_PAGE) ? "" : back, trail.subList(0, trail.size() - 1), page - 1);
    }

    /** The first page's query, or null on the first page. */
    String first() {
        return page == 1 && cursor.isEmpty() ? null : query("", List.of(), 1);
    }

    private String query(String pageCursor, List<String> pageTrail, int number) {
        List<String> parts = new ArrayList<>();
        statuses.forEach(status -> parts.add("status=" + Uris.encode(status)));
        add(parts, "saga", saga);
        add(parts, "sagaid", sagaid);
        add(parts, "from", from);
        add(parts, "to", to);
        add(parts, "order", order);
        add(parts, "cursor", pageCursor);
        add(parts, "trail", String.join(",", pageTrail));
        if (number > 1) {
            parts.add("page=" + number);
        }
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (!value.isEmpty()) {
            parts.add(name + "=" + Uris.encode(value));
        }
    }

    private static Instant instant(String name, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                throw new Invalid(name + " '" + text + "' is no time such as 2026-12-01T10:00 (UTC)");
            }
        }
    }

    static String field(MultiValueMap<String, String> query, String name) {
        String value = query.getFirst(name);
        return value == null ? "" : value.strip();
    }
}
