package dev.dragoman.gateway.admin;

import dev.dragoman.gateway.saga.SagaCursor;
import dev.dragoman.gateway.saga.SagaOrder;
import dev.dragoman.gateway.saga.SagaSearch;
import dev.dragoman.gateway.saga.SagaStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * The query of {@code GET /admin/sagas} read into a {@link SagaSearch}, or the first parameter
 * that cannot be used, named with what it accepts. An unknown parameter is refused too: a typo
 * ({@code stauts=open}) must not quietly list everything.
 *
 * <p>With none of the filters ({@code status}, {@code saga}, {@code sagaid}, {@code from},
 * {@code to}, {@code order}) the search is the open list, as the endpoint always answered: open
 * and confirming sagas, nearest deadline first. Any filter makes it a search, newest first
 * unless {@code order} says otherwise.
 */
final class SagaSearchParameters {

    static final List<String> FILTERS = List.of("status", "saga", "sagaid", "from", "to", "order");
    static final List<String> ACCEPTED = List.of("status", "saga", "sagaid", "from", "to", "order", "limit", "cursor");

    private SagaSearchParameters() {
    }

    /** A parameter that cannot be used: its name and what is wrong with it. */
    static final class Refused extends RuntimeException {
        final String parameter;

        Refused(String parameter, String message) {
            super(message, null, false, false);
            this.parameter = parameter;
        }
    }

    /** Whether the query asks the open list (no filter), whose answer keeps its {@code open} member. */
    static boolean openList(MultiValueMap<String, String> query) {
        return FILTERS.stream().noneMatch(query::containsKey);
    }

    /** @throws Refused naming the first parameter that cannot be used */
    static SagaSearch read(MultiValueMap<String, String> query) {
        for (String name : query.keySet()) {
            if (!ACCEPTED.contains(name)) {
                throw new Refused(name, "unknown parameter '" + name + "': the parameters are " + String.join(", ", ACCEPTED));
            }
            if (query.get(name).size() > 1) {
                throw new Refused(name, "parameter '" + name + "' is given " + query.get(name).size() + " times: give it once"
                        + (name.equals("status") ? ", with the statuses separated by commas (status=open,confirming)" : ""));
            }
        }
        int limit = limit(query.getFirst("limit"));
        SagaCursor cursor = cursor(query.getFirst("cursor"));
        if (openList(query)) {
            SagaSearch open = SagaSearch.open(limit);
            return cursor == null ? open : open.after(checked(cursor, SagaOrder.DEADLINE));
        }
        Set<SagaStatus> statuses = statuses(query.getFirst("status"));
        Instant from = instant("from", query.getFirst("from"));
        Instant to = instant("to", query.getFirst("to"));
        if (from != null && to != null && !from.isBefore(to)) {
            throw new Refused("to", "to " + to + " is not after from " + from + ": from is inclusive, to exclusive, both over startedAt");
        }
        SagaOrder order = order(query.getFirst("order"));
        String saga = text("saga", query.getFirst("saga"));
        String prefix = text("sagaid", query.getFirst("sagaid"));
        return new SagaSearch(statuses, saga, prefix, from, to, order, limit, cursor == null ? null : checked(cursor, order));
    }

    private static int limit(String text) {
        if (text == null) {
            return SagaSearch.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= SagaSearch.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, with what is accepted
        }
        throw new Refused("limit", "limit '" + text + "' is no number from 1 to " + SagaSearch.MAX_LIMIT + " (default "
                + SagaSearch.DEFAULT_LIMIT + ")");
    }

    private static SagaCursor cursor(String text) {
        if (text == null) {
            return null;
        }
        try {
            return SagaCursor.decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new Refused("cursor", e.getMessage());
        }
    }

    private static SagaCursor checked(SagaCursor cursor, SagaOrder order) {
        if (cursor.order() != order) {
            throw new Refused("cursor", "the cursor continues a list ordered by " + word(cursor.order()) + ", and this one is ordered by "
                    + word(order) + ": follow the 'next' link as it came, or start again without a cursor");
        }
        return cursor;
    }

    private static Set<SagaStatus> statuses(String text) {
        String accepted = "open, confirming, completed, aborted, timed-out";
        if (text == null) {
            return EnumSet.allOf(SagaStatus.class);
        }
        Set<SagaStatus> statuses = EnumSet.noneOf(SagaStatus.class);
        for (String word : text.split(",", -1)) {
            String status = word.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                statuses.add(SagaStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw new Refused("status", "status '" + word.strip() + "' is none of " + accepted + " (several separated by commas)");
            }
        }
        return statuses;
    }

    private static SagaOrder order(String text) {
        if (text == null) {
            return SagaOrder.NEWEST;
        }
        return switch (text.strip()) {
            case "newest" -> SagaOrder.NEWEST;
            case "deadline" -> SagaOrder.DEADLINE;
            default -> throw new Refused("order", "order '" + text + "' is neither newest (the most recently started first, the"
                    + " default of a search) nor deadline (the nearest deadline first)");
        };
    }

    private static Instant instant(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Refused(name, name + " '" + text + "' is no ISO-8601 instant such as 2026-12-01T10:00:00Z");
        }
    }

    private static String text(String name, String text) {
        if (text == null) {
            return null;
        }
        if (text.isEmpty()) {
            throw new Refused(name, "parameter '" + name + "' is empty: give a value, or leave the parameter out");
        }
        return text;
    }

    private static String word(SagaOrder order) {
        return order.name().toLowerCase(Locale.ROOT);
    }
}
