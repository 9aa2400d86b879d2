package dev.dragoman.gateway.admin.console;

import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.outbox.CopyStatus;
import dev.dragoman.gateway.outbox.InvalidResendException;
import dev.dragoman.gateway.outbox.OutboxCopy;
import dev.dragoman.gateway.outbox.OutboxListing;
import dev.dragoman.gateway.outbox.OutboxPage;
import dev.dragoman.gateway.outbox.OutboxQuery;
import dev.dragoman.gateway.outbox.OutboxResend;
import dev.dragoman.gateway.outbox.ResendOutcome;
import dev.dragoman.rules.model.EventRoute;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The Outbox tab: the listing ({@link OutboxListing}, the code of {@code GET /admin/outbox}) with
 * the depth and the oldest pending age at its head, and the re-send of expired and rejected copies
 * ({@link OutboxResend}, as {@code POST /admin/outbox/resend}). The list polls with a stamp of
 * what it shows (its copies as read, and the depth): a page whose copies did not change is an
 * empty 204, and the page leaves its checkboxes alone.
 */
final class OutboxHandlers {

    /** The new deadline a re-send proposes: long enough for a receiver to come back, short enough to notice. */
    static final Duration DEFAULT_RESEND_WINDOW = Duration.ofMinutes(10);

    private final OutboxListing listing;
    private final OutboxResend resend;
    private final ModelHolder models;
    private final Clock clock;

    OutboxHandlers(OutboxListing listing, OutboxResend resend, ModelHolder models, Clock clock) {
        this.listing = listing;
        this.resend = resend;
        this.models = models;
        this.clock = clock;
    }

    /** {@code GET /admin/console/outbox}: the filters and the re-send controls; the list loads itself. */
    Mono<ServerResponse> tab(ServerRequest request) {
        OutboxForm form = OutboxForm.of(request.queryParams());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("form", form);
        model.put("statuses", Arrays.stream(CopyStatus.values()).map(CopyStatus::word).toList());
        model.put("receivers", List.copyOf(models.current().model().contexts().keySet()));
        model.put("types", models.current().model().events().stream().map(EventRoute::type).distinct().toList());
        model.put("minutes", DEFAULT_RESEND_WINDOW.toMinutes());
        return ServerResponse.ok().render("console/outbox", model);
    }

    /** {@code GET /admin/console/outbox/list}: a page of copies; 204 while {@code shown} is still its stamp. */
    Mono<ServerResponse> list(ServerRequest request) {
        OutboxForm form = OutboxForm.of(request.queryParams());
        Optional<String> shown = request.queryParam("shown");
        return blocking(() -> {
            Instant now = now();
            OutboxQuery query;
            try {
                query = form.outboxQuery();
            } catch (IllegalArgumentException e) {
                return Optional.of(new OutboxList(0, null, List.of(), now.toString(), "", form.query(), null, null, form.first(), form.page(), e.getMessage()));
            }
            OutboxPage page = listing.page(query, now);
            String stamp = Integer.toHexString(Objects.hash(page.copies(), page.depth()));
            if (shown.filter(stamp::equals).isPresent()) {
                return Optional.<OutboxList>empty();
            }
            return Optional.of(new OutboxList(page.depth(), page.oldestPendingAge() == null ? null : words(page.oldestPendingAge()),
                    page.copies().stream().map(Row::of).toList(), now.toString(), stamp, form.query(),
                    page.next() == null ? null : form.next(page.next()), form.previous(), form.first(), form.page(), null));
        }).flatMap(list -> list.isEmpty() ? ServerResponse.noContent().build()
                : ServerResponse.ok().render("console/outbox-list", Map.of("list", list.get())));
    }

    /**
     * {@code POST /admin/console/outbox/resend} (form: {@code copy} repeated, and {@code until}, a
     * UTC time, or {@code minutes} from now): each copy's outcome; the list is told to redraw.
     */
    Mono<ServerResponse> resend(ServerRequest request) {
        return request.formData().flatMap(form -> blocking(() -> {
            Instant now = now();
            Map<String, Object> model = new LinkedHashMap<>();
            try {
                List<Long> copies = copies(form);
                Instant deadline = deadline(form, now);
                model.put("outcomes", resend.resend(copies, deadline, now).stream().map(Outcome::of).toList());
                model.put("deadline", deadline.toString());
            } catch (InvalidResendException | IllegalArgumentException e) {
                model.put("error", e.getMessage());
            }
            return model;
        })).flatMap(model -> ServerResponse.ok().header("HX-Trigger", "outbox-resent").render("console/resend-result", model));
    }

    private static List<Long> copies(MultiValueMap<String, String> form) {
        List<Long> copies = new ArrayList<>();
        for (String id : form.getOrDefault("copy", List.of())) {
            try {
                copies.add(Long.parseLong(id.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + id + "' is no copy id");
            }
        }
        if (copies.isEmpty()) {
            throw new IllegalArgumentException("Tick the expired or rejected copies to re-send first.");
        }
        return copies;
    }

    /** The operator's time (UTC) when given, else the minutes from now. */
    private static Instant deadline(MultiValueMap<String, String> form, Instant now) {
        String until = SagaQuery.field(form, "until");
        if (!until.isEmpty()) {
            try {
                return LocalDateTime.parse(until).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("the new deadline '" + until + "' is no time such as 2026-12-01T10:00 (UTC)");
            }
        }
        String minutes = SagaQuery.field(form, "minutes");
        try {
            long count = minutes.isEmpty() ? DEFAULT_RESEND_WINDOW.toMinutes() : Long.parseLong(minutes);
            if (count < 1) {
                throw new NumberFormatException();
            }
            return now.plus(Duration.ofMinutes(count));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + minutes + "' minutes: give a whole number of minutes from now, at least 1, or a time");
        }
    }

    /** A duration as people say it: {@code 3m 05s}. */
    static String words(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m " + String.format("%02d", seconds % 60) + "s";
        }
        return seconds / 3600 + "h " + String.format("%02d", seconds % 3600 / 60) + "m";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static <T> Mono<T> blocking(Callable<T> query) {
        return Mono.fromCallable(query).subscribeOn(Schedulers.boundedElastic());
    }

    /** A page of the list as the template shows it. */
    public record OutboxList(long depth, String oldestPendingAge, List<Row> copies, String now, String stamp, String query, String next,
            String previous, String first, int page, String error) {
    }

    /**
     * A copy; {@code resendable} for expired and rejected ones, the only ones a re-send takes;
     * the next attempt only while it is not finished.
     */
    public record Row(long id, String kind, String type, String sagaId, String receiver, String status, int attempts, String deadline,
            String nextAttemptAt, String lastError, String finishedAt, int resends, boolean resendable) {

        static Row of(OutboxCopy copy) {
            return new Row(copy.id(), copy.kind(), copy.type(), copy.sagaId(), copy.receiver(), copy.status().word(), copy.attempts(),
                    SagaViews.text(copy.deadline()), copy.finishedAt() == null ? SagaViews.text(copy.nextAttemptAt()) : null, copy.lastError(),
                    SagaViews.text(copy.finishedAt()), copy.resends(),
                    copy.status() == CopyStatus.EXPIRED || copy.status() == CopyStatus.REJECTED);
        }
    }

    /** What became of one copy of a re-send. */
    public record Outcome(long id, String result, String reason, String deadline, String previousStatus) {

        static Outcome of(ResendOutcome outcome) {
            return new Outcome(outcome.id(), outcome.result(), outcome.reason(), SagaViews.text(outcome.deadline()),
                    outcome.previousStatus() == null ? null : outcome.previousStatus().word());
        }
    }

    /** The filters as the browser sends them, and the trail of cursors back to the first page. */
    public record OutboxForm(List<String> statuses, String receiver, String type, String cursor, List<String> trail, int page) {

        static OutboxForm of(MultiValueMap<String, String> query) {
            String trail = SagaQuery.field(query, "trail");
            return new OutboxForm(query.getOrDefault("status", List.of()).stream().filter(s -> !s.isBlank()).toList(),
                    SagaQuery.field(query, "receiver"), SagaQuery.field(query, "type"), SagaQuery.field(query, "cursor"),
                    trail.isEmpty() ? List.of() : List.of(trail.split(",")), SagaQuery.page(SagaQuery.field(query, "page")));
        }

        /** @throws IllegalArgumentException naming the status or cursor that cannot be used */
        OutboxQuery outboxQuery() {
            Set<CopyStatus> wanted = EnumSet.noneOf(CopyStatus.class);
            statuses.forEach(word -> wanted.add(CopyStatus.ofWord(word.strip())));
            Long after = null;
            if (!cursor.isEmpty()) {
                try {
                    after = Long.parseLong(cursor);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + cursor + "' is no page of this list: search again");
                }
            }
            return new OutboxQuery(wanted, receiver.isEmpty() ? null : receiver, type.isEmpty() ? null : type, OutboxQuery.DEFAULT_LIMIT,
                    after);
        }

        String next(long nextCursor) {
            List<String> longer = new ArrayList<>(trail);
            longer.add(cursor.isEmpty() ? SagaQuery.FIRST_PAGE : cursor);
            return query(Long.toString(nextCursor), SagaQuery.last(longer), page + 1);
        }

        String previous() {
            if (trail.isEmpty()) {
                return null;
            }
            String back = trail.get(trail.size() - 1);
            return query(back.equals(SagaQuery.FIRST_PAGE) ? "" : back, trail.subList(0, trail.size() - 1), page - 1);
        }

        String first() {
            return page == 1 && cursor.isEmpty() ? null : query("", List.of(), 1);
        }

        /** This page's query. */
        public String query() {
            return query(cursor, trail, page);
        }

        String query(String pageCursor, List<String> pageTrail, int number) {
            List<String> parts = new ArrayList<>();
            statuses.forEach(status -> parts.add("status=" + Uris.encode(status)));
            if (!receiver.isEmpty()) {
                parts.add("receiver=" + Uris.encode(receiver));
            }
            if (!type.isEmpty()) {
                parts.add("type=" + Uris.encode(type));
            }
            if (!pageCursor.isEmpty()) {
                parts.add("cursor=" + pageCursor);
            }
            if (!pageTrail.isEmpty()) {
                parts.add("trail=" + Uris.encode(String.join(",", pageTrail)));
            }
            if (number > 1) {
                parts.add("page=" + number);
            }
            return String.join("&", parts);
        }
    }
}
