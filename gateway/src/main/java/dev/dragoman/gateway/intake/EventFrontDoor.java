package dev.dragoman.gateway.intake;

import dev.dragoman.gateway.cloudevents.CloudEventReader;
import dev.dragoman.gateway.cloudevents.InvalidEventException;
import dev.dragoman.gateway.cloudevents.TraceContext;
import dev.dragoman.gateway.metrics.EventMetrics;
import io.cloudevents.CloudEvent;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/**
 * The one way in for a published event, whatever carried it ({@code POST /events} or a Kafka
 * topic): the size limit, reading the CloudEvent, accepting it, and the counting of refusals.
 * Every refusal leaves here as an {@link IntakeRefusedException} holding the problem to answer,
 * so that the adapters only decide what a refusal means on their transport.
 */
public final class EventFrontDoor {

    private final EventIntake intake;
    private final int maxEventSize;
    private final EventMetrics metrics;
    private final Supplier<TraceContext> publishTrace;

    EventFrontDoor(EventIntake intake, int maxEventSize, EventMetrics metrics) {
        this(intake, maxEventSize, metrics, () -> null);
    }

    /** @param publishTrace the trace of the publish being read (its HTTP request's or Kafka record's span), or null outside one */
    EventFrontDoor(EventIntake intake, int maxEventSize, EventMetrics metrics, Supplier<TraceContext> publishTrace) {
        this.intake = intake;
        this.maxEventSize = maxEventSize;
        this.metrics = metrics;
        this.publishTrace = publishTrace;
    }

    /** The largest event taken, in bytes (dragoman.events.max-event-size). */
    int maxEventSize() {
        return maxEventSize;
    }

    /** @throws IntakeRefusedException 413 when the event is too large, 400 when it is not a valid CloudEvent */
    CloudEvent read(HttpHeaders headers, byte[] body) {
        checkSize(body);
        try {
            return traced(CloudEventReader.read(headers, body));
        } catch (InvalidEventException e) {
            throw new IntakeRefusedException(EventProblems.invalid(e.getMessage()));
        }
    }

    /** @throws IntakeRefusedException 413 when the event is too large, 400 when it is not a valid CloudEvent */
    CloudEvent read(Headers headers, byte[] value) {
        checkSize(value);
        try {
            return traced(CloudEventReader.read(headers, value));
        } catch (InvalidEventException e) {
            throw new IntakeRefusedException(EventProblems.invalid(e.getMessage()));
        }
    }

    /**
     * @param caller the publishing context, or null for an anonymous call in open development mode
     * @throws IntakeRefusedException with the problem to answer; nothing was stored
     */
    Accepted accept(String caller, CloudEvent event) {
        try {
            return intake.accept(caller, event);
        } catch (InvalidEventException e) {
            // data that a rule must read and that is not the JSON it claims (JsonData.requireValue)
            throw new IntakeRefusedException(EventProblems.invalid(e.getMessage()));
        }
    }

    /** The problem of an event larger than {@link #maxEventSize}. */
    ProblemDetail tooLarge() {
        return EventProblems.tooLarge(maxEventSize);
    }

    /** Counts a refusal under its problem type's last segment (invalid-event, untranslatable-identifier, ...) and returns it. */
    ProblemDetail refused(ProblemDetail problem) {
        String type = problem.getType().toString();
        metrics.refused(type.substring(type.lastIndexOf('/') + 1));
        return problem;
    }

    /**
     * The event with the distributed-tracing extension its copies will carry: its own when it has
     * one (its publisher's word on where it belongs); else the publish's, so that each copy's
     * delivery continues the trace of the request or record that brought it (docs/EVENTS.md).
     */
    private CloudEvent traced(CloudEvent event) {
        if (TraceContext.of(event).isPresent()) {
            return event;
        }
        TraceContext publish = publishTrace.get();
        return publish == null ? event : publish.on(event);
    }

    private void checkSize(byte[] event) {
        if (event != null && event.length > maxEventSize) {
            throw new IntakeRefusedException(tooLarge());
        }
    }
}
