package dev.dragoman.gateway.intake;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemType;
import dev.dragoman.rules.Unresolved;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problems {@code POST /events} answers with (docs/EVENTS.md lists them). */
public final class EventProblems {

    private EventProblems() {
    }

    public static ProblemDetail invalid(String detail) {
        return Problem.of(HttpStatus.BAD_REQUEST, ProblemType.INVALID_EVENT, "Not a valid event", detail);
    }

    /** 413: the event is larger than dragoman.events.max-event-size. */
    public static ProblemDetail tooLarge(int maxEventSize) {
        return Problem.of(HttpStatus.CONTENT_TOO_LARGE, ProblemType.EVENT_TOO_LARGE, "Event too large", "the event is larger than " + maxEventSize
                + " bytes (dragoman.events.max-event-size)");
    }

    public static ProblemDetail notPublishable(String detail) {
        return Problem.of(HttpStatus.FORBIDDEN, ProblemType.EVENT_NOT_PUBLISHABLE, "Event type not publishable by this context", detail);
    }

    public static ProblemDetail unknownSaga(String detail) {
        return Problem.of(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.UNKNOWN_SAGA, "No such saga", detail);
    }

    public static ProblemDetail identityConflict(String detail) {
        return Problem.of(HttpStatus.CONFLICT, ProblemType.EVENT_ID_CONFLICT, "Event id already in use", detail);
    }

    public static ProblemDetail sagaConflict(String detail) {
        return Problem.of(HttpStatus.CONFLICT, ProblemType.SAGA_EXISTS, "Saga id already in use", detail);
    }

    /**
     * 503: a concept's resolver did not answer, so a value could not be looked up. Nothing was
     * stored; the publisher publishes again later (docs/EVENTS.md).
     */
    public static ProblemDetail resolverUnavailable(String concept) {
        ProblemDetail problem = Problem.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.RESOLVER_UNAVAILABLE, "Resolver unavailable",
                "the resolver of concept " + concept + " did not answer, so the event's identifiers could not be translated and"
                        + " nothing was stored: publish it again later (the same source and id are never delivered twice)");
        problem.setProperty("concept", concept);
        return problem;
    }

    /** Seconds a publisher waits before publishing again after a 503. */
    public static final String RETRY_AFTER_SECONDS = "5";

    /** 422: some subscriber's copy cannot be translated; every value of every copy is listed. */
    public static ProblemDetail untranslatable(String type, Map<String, List<Unresolved>> byReceiver) {
        return untranslatable(type, byReceiver, byReceiver.values().stream().mapToInt(List::size).sum());
    }

    /**
     * 422 as above, where the engine counted more values than it listed.
     *
     * @param count how many values cannot be translated, in all copies
     */
    public static ProblemDetail untranslatable(String type, Map<String, List<Unresolved>> byReceiver, int count) {
        Map.Entry<String, List<Unresolved>> first = byReceiver.entrySet().iterator().next();
        Unresolved value = first.getValue().get(0);
        String detail = (count == 1 ? "the event's data holds " : "the event's data holds " + count + " values that cannot be translated, the first ")
                + "'" + value.value() + "' at " + value.location() + " (" + value.rule() + ")"
                + (count == 1 ? ", which cannot be translated" : "") + " for " + first.getKey() + "; nothing was stored";
        ProblemDetail problem = Problem.of(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.UNTRANSLATABLE_IDENTIFIER, "Unknown identifier in the event",
                detail);
        problem.setProperty("eventType", type);
        problem.setProperty("errors", byReceiver.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(u -> new ReceiverError(e.getKey(), u.location(), u.value(), u.rule(), u.reasonName())))
                .toList());
        return problem;
    }

    /** An entry of the event's {@code errors}: the receiver whose copy holds the value, then as {@link Problem#error}. */
    @JsonPropertyOrder({"receiver", "location", "value", "rule", "reason"})
    record ReceiverError(String receiver, String location, String value, String rule, String reason) {
    }
}
