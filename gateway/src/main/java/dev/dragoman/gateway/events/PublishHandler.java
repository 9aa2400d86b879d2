package dev.dragoman.gateway.events;

import dev.dragoman.gateway.metrics.EventMetrics;
import dev.dragoman.gateway.problem.JsonAnswers;
import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.security.CallerFilter;
import dev.dragoman.gateway.security.CallerKeys;
import io.cloudevents.CloudEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /events} (SPEC section 5): the caller's key names the publishing context; the
 * answer is 202 once the event is stored, or a problem (docs/EVENTS.md).
 */
final class PublishHandler {

    private final CallerKeys keys;
    private final EventIntake intake;
    private final int maxEventSize;
    private final EventMetrics metrics;

    PublishHandler(CallerKeys keys, EventIntake intake, int maxEventSize, EventMetrics metrics) {
        this.keys = keys;
        this.intake = intake;
        this.maxEventSize = maxEventSize;
        this.metrics = metrics;
    }

    Mono<ServerResponse> publish(ServerRequest request) {
        String key = request.headers().firstHeader(CallerFilter.API_KEY);
        Optional<String> caller = keys.contextOf(key);
        if (caller.isEmpty() && !(keys.openDevelopmentMode() && (key == null || key.isEmpty()))) {
            metrics.refused("unauthenticated");
            return JsonAnswers.problem(request, Problem.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "No valid API key",
                    key == null || key.isEmpty() ? "send the publishing context's API key in the " + CallerFilter.API_KEY + " header"
                            : "the " + CallerFilter.API_KEY + " header holds no key this gateway knows"));
        }
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxEventSize)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    CloudEvent event = CloudEventReader.read(request.headers().asHttpHeaders(), body);
                    return Mono.fromCallable(() -> intake.accept(caller.orElse(null), event)).subscribeOn(Schedulers.boundedElastic());
                })
                .flatMap(accepted -> JsonAnswers.answer(HttpStatus.ACCEPTED, view(accepted)))
                .onErrorResume(InvalidEventException.class, e -> refuse(request, "invalid", EventProblems.invalid(e.getMessage())))
                .onErrorResume(IntakeRefusedException.class, e -> refuse(request, reason(e), e.problem()))
                .onErrorResume(DataBufferLimitException.class, e -> refuse(request, "too-large", Problem.of(HttpStatus.CONTENT_TOO_LARGE,
                        "event-too-large", "Event too large", "the event is larger than " + maxEventSize
                                + " bytes (dragoman.events.max-event-size)")));
    }

    private Mono<ServerResponse> refuse(ServerRequest request, String reason, org.springframework.http.ProblemDetail problem) {
        metrics.refused(reason);
        return JsonAnswers.problem(request, problem);
    }

    private static String reason(IntakeRefusedException e) {
        String type = e.problem().getType().toString();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    private static Map<String, Object> view(Accepted accepted) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("source", accepted.source());
        view.put("id", accepted.id());
        view.put("type", accepted.type());
        if (accepted.sagaId() != null) {
            view.put("sagaid", accepted.sagaId());
        }
        view.put("deadline", accepted.deadline().toString());
        view.put("duplicate", accepted.duplicate());
        view.put("receivers", accepted.receivers());
        view.put("status", "/admin/events?source=" + encode(accepted.source()) + "&id=" + encode(accepted.id()));
        return view;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
