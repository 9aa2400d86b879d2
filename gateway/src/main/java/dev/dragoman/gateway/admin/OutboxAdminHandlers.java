package dev.dragoman.gateway.admin;

import dev.dragoman.gateway.outbox.CopyStatus;
import dev.dragoman.gateway.outbox.InvalidResendException;
import dev.dragoman.gateway.outbox.OutboxListing;
import dev.dragoman.gateway.outbox.OutboxQuery;
import dev.dragoman.gateway.outbox.OutboxResend;
import dev.dragoman.gateway.problem.JsonAnswers;
import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code GET /admin/outbox} and {@code POST /admin/outbox/resend} (docs/ADMIN.md, "Outbox"). */
final class OutboxAdminHandlers {

    private final OutboxListing listing;
    private final OutboxResend resend;
    private final Clock clock;

    OutboxAdminHandlers(OutboxListing listing, OutboxResend resend, Clock clock) {
        this.listing = listing;
        this.resend = resend;
        this.clock = clock;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        OutboxQuery query;
        try {
            query = query(request);
        } catch (BadParameter e) {
            return invalid(request, e.parameter, e.getMessage());
        }
        Instant now = now();
        return blocking(() -> listing.page(query, now))
                .flatMap(page -> JsonAnswers.ok(OutboxViews.Page.of(page, now, page.next() == null ? null : next(request, page.next()))));
    }

    Mono<ServerResponse> resend(ServerRequest request) {
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap(body -> {
            List<Long> copies;
            Instant deadline;
            try {
                JsonNode json = body.length == 0 ? null : JsonAnswers.JSON.readTree(body);
                if (json == null || !json.isObject()) {
                    throw new BadParameter("copies", "send a JSON object: {\"copies\": [ids...], \"deadline\": \"2030-01-01T12:00:00Z\"}");
                }
                copies = ids(json.get("copies"));
                deadline = instant(json.get("deadline"));
            } catch (JacksonException e) {
                return invalid(request, "copies", "the body is not JSON: " + e.getOriginalMessage());
            } catch (BadParameter e) {
                return invalid(request, e.parameter, e.getMessage());
            }
            Instant now = now();
            return blocking(() -> resend.resend(copies, deadline, now))
                    .flatMap(outcomes -> JsonAnswers.ok(OutboxViews.Resent.of(outcomes, now)))
                    .onErrorResume(InvalidResendException.class, e -> invalid(request, e.parameter(), e.getMessage()));
        });
    }

    private static OutboxQuery query(ServerRequest request) {
        Set<CopyStatus> statuses = EnumSet.noneOf(CopyStatus.class);
        for (String value : request.queryParams().getOrDefault("status", List.of())) {
            for (String word : value.split(",")) {
                if (word.isBlank()) {
                    continue;
                }
                try {
                    statuses.add(CopyStatus.ofWord(word.trim()));
                } catch (IllegalArgumentException e) {
                    throw new BadParameter("status", e.getMessage());
                }
            }
        }
        int limit = OutboxQuery.DEFAULT_LIMIT;
        Optional<String> limitText = single(request, "limit");
        if (limitText.isPresent()) {
            try {
                limit = Integer.parseInt(limitText.get());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > OutboxQuery.MAX_LIMIT) {
                throw new BadParameter("limit", "limit is a whole number from 1 to " + OutboxQuery.MAX_LIMIT + ", not '" + limitText.get() + "'");
            }
        }
        Long cursor = null;
        Optional<String> cursorText = single(request, "cursor");
        if (cursorText.isPresent()) {
            try {
                cursor = Long.parseLong(cursorText.get());
            } catch (NumberFormatException e) {
                throw new BadParameter("cursor", "'" + cursorText.get() + "' is no cursor: take the next link of the page before");
            }
        }
        return new OutboxQuery(statuses, single(request, "receiver").orElse(null), single(request, "type").orElse(null), limit, cursor);
    }

    /** A parameter given at most once, and not empty. */
    private static Optional<String> single(ServerRequest request, String name) {
        List<String> values = request.queryParams().getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new BadParameter(name, name + " is given " + values.size() + " times; give it once");
        }
        if (values.size() == 1 && values.get(0).isBlank()) {
            throw new BadParameter(name, name + " is empty; leave it out to take every " + name);
        }
        return values.stream().findFirst();
    }

    /** The address of the next page: this one's query with the cursor moved on. */
    private static String next(ServerRequest request, long cursor) {
        return UriComponentsBuilder.fromPath(request.requestPath().value()).queryParams(request.queryParams())
                .replaceQueryParam("cursor", cursor).encode().build().toUriString();
    }

    private static List<Long> ids(JsonNode copies) {
        if (copies == null || !copies.isArray() || copies.isEmpty()) {
            throw new BadParameter("copies", "copies is a non-empty array of copy ids, as GET /admin/outbox lists them");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : copies) {
            if (!id.isIntegralNumber() || !id.canConvertToLong()) {
                throw new BadParameter("copies", "copies holds '" + id + "', which is no copy id (a whole number)");
            }
            ids.add(id.asLong());
        }
        return ids;
    }

    private static Instant instant(JsonNode deadline) {
        if (deadline == null || !deadline.isString()) {
            throw new BadParameter("deadline", "deadline is the new deadline as an RFC 3339 instant, such as 2030-01-01T12:00:00Z");
        }
        try {
            return OffsetDateTime.parse(deadline.asString()).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new BadParameter("deadline", "deadline '" + deadline.asString() + "' is not an RFC 3339 instant with an offset,"
                    + " such as 2030-01-01T12:00:00Z");
        }
    }

    private static Mono<ServerResponse> invalid(ServerRequest request, String parameter, String detail) {
        ProblemDetail problem = Problem.of(HttpStatus.BAD_REQUEST, ProblemType.INVALID_QUERY, "Invalid " + parameter, detail);
        problem.setProperty("parameter", parameter);
        return JsonAnswers.problem(request, problem);
    }

    /** Microseconds, like every time the store holds. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static <T> Mono<T> blocking(Callable<T> query) {
        return Mono.fromCallable(query).subscribeOn(Schedulers.boundedElastic());
    }

    /** A query parameter or a member of the body that cannot be taken, named. */
    private static final class BadParameter extends RuntimeException {
        private final String parameter;

        BadParameter(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }
    }
}
