package dev.dragoman.gateway.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.dragoman.gateway.problem.JsonAnswers;
import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemType;
import dev.dragoman.gateway.security.CallerKeys;
import dev.dragoman.gateway.security.KeyCheck;
import io.cloudevents.CloudEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /events} (SPEC section 5): the caller's key names the publishing context; the
 * answer is 202 once the event is stored, or a problem (docs/EVENTS.md).
 */
final class PublishHandler {

    private static final Logger log = LoggerFactory.getLogger(PublishHandler.class);

    private final CallerKeys keys;
    private final EventFrontDoor frontDoor;
    private final Executor workers;

    /** @param workers runs the blocking intake (JDBC), off the event loop */
    PublishHandler(CallerKeys keys, EventFrontDoor frontDoor, Executor workers) {
        this.keys = keys;
        this.frontDoor = frontDoor;
        this.workers = workers;
    }

    Mono<ServerResponse> publish(ServerRequest request) {
        KeyCheck check = keys.caller(request.headers().firstHeader(CallerKeys.HEADER), "the publishing context's");
        if (check.refused()) {
            return refuse(request, check.refusal(), check::challenge);
        }
        Optional<String> caller = check.context();
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), frontDoor.maxEventSize())
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    CloudEvent event = frontDoor.read(request.headers().asHttpHeaders(), body);
                    // A future, not subscribeOn: a caller hanging up cancels the Mono, and must not
                    // interrupt a transaction half way (the event is then stored or not, whole).
                    return Mono.fromFuture(() -> CompletableFuture.supplyAsync(() -> frontDoor.accept(caller.orElse(null), event), workers));
                })
                .flatMap(accepted -> JsonAnswers.answer(HttpStatus.ACCEPTED, view(accepted)))
                .onErrorResume(IntakeRefusedException.class, e -> refuse(request, e.problem(), headers -> {
                    if (e.problem().getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                        headers.set(HttpHeaders.RETRY_AFTER, EventProblems.RETRY_AFTER_SECONDS);
                    }
                }))
                .onErrorResume(DataBufferLimitException.class, e -> refuse(request, frontDoor.tooLarge()))
                .onErrorResume(DataAccessException.class, e -> storeUnavailable(request, e));
    }

    /**
     * 503 when the event store cannot be reached: nothing was accepted, and the publisher should
     * publish again later (the same source and id are safe to repeat).
     */
    private Mono<ServerResponse> storeUnavailable(ServerRequest request, DataAccessException e) {
        log.warn("Could not store an event: the event store is unavailable ({}); answered 503", e.getMostSpecificCause().getMessage());
        return refuse(request, Problem.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.EVENT_STORE_UNAVAILABLE, "Event store unavailable",
                "the event could not be stored, so it was not accepted: publish it again later (the same source and id are"
                        + " never delivered twice)"), headers -> headers.set(HttpHeaders.RETRY_AFTER, "5"));
    }

    /** Answers the problem, counted under its type's last segment (invalid-event, untranslatable-identifier, ...). */
    private Mono<ServerResponse> refuse(ServerRequest request, ProblemDetail problem) {
        return refuse(request, problem, headers -> { });
    }

    private Mono<ServerResponse> refuse(ServerRequest request, ProblemDetail problem, Consumer<HttpHeaders> headers) {
        return JsonAnswers.problem(request, frontDoor.refused(problem), headers);
    }

    static AcceptedView view(Accepted accepted) {
        return new AcceptedView(accepted.source(), accepted.id(), accepted.type(), accepted.sagaId(), accepted.deadline().toString(),
                accepted.duplicate(), accepted.receivers(),
                "/admin/events?source=" + encode(accepted.source()) + "&id=" + encode(accepted.id()));
    }

    /**
     * The 202 answer (docs/EVENTS.md): what was accepted and where to follow its copies;
     * {@code sagaid} only for an event of a saga.
     */
    @JsonPropertyOrder({"source", "id", "type", "sagaid", "deadline", "duplicate", "receivers", "status"})
    record AcceptedView(String source, String id, String type, @JsonInclude(JsonInclude.Include.NON_NULL) String sagaid, String deadline,
            boolean duplicate, List<String> receivers, String status) {
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
