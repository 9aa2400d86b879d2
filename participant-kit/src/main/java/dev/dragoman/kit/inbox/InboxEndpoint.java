package dev.dragoman.kit.inbox;

import dev.dragoman.kit.InboundEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of the inbox: reads a CloudEvent in structured or binary mode with the CloudEvents
 * SDK, hands it to {@link Inbox}, and writes the answer, a refusal as RFC 9457 problem JSON.
 */
public class InboxEndpoint {

    static final String PROBLEMS = "https://dragoman.dev/problems/";

    private final Inbox inbox;
    private final JsonMapper mapper;

    public InboxEndpoint(Inbox inbox, JsonMapper mapper) {
        this.inbox = inbox;
        this.mapper = mapper;
    }

    public ServerResponse receive(ServerRequest request) throws Exception {
        byte[] body = request.body(byte[].class);
        InboundEvent event;
        try {
            event = read(request, body);
        } catch (CloudEventRWException | IllegalArgumentException | DateTimeParseException | JacksonException e) {
            return write(request, InboxAnswer.invalid(e.getMessage()), null);
        }
        return write(request, inbox.take(event), event);
    }

    private InboundEvent read(ServerRequest request, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().asHttpHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        CloudEvent event = HttpMessageFactory.createReader(headers, body).toEvent();
        CloudEventData data = event.getData();
        String contentType = event.getDataContentType();
        JsonNode json = null;
        if (data != null) {
            byte[] bytes = data.toBytes();
            json = contentType == null || isJson(contentType)
                    ? mapper.readTree(bytes)
                    : mapper.valueToTree(new String(bytes, StandardCharsets.UTF_8));
        }
        return new InboundEvent(event.getId(), event.getSource().toString(), event.getType(), text(event, "sagaid"),
                instant(event, "deadline"), instant(event, "expirytime"), contentType, json);
    }

    private static boolean isJson(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/json") || type.matches("^[a-z]+/[^;]*\\+json.*");
    }

    private static String text(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }

    private static Instant instant(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        try {
            return OffsetDateTime.parse(value.toString()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the " + name + " extension '" + value + "' is not an RFC 3339 timestamp with an offset");
        }
    }

    private ServerResponse write(ServerRequest request, InboxAnswer answer, InboundEvent event) {
        if (answer.isSuccess()) {
            Map<String, String> result = new LinkedHashMap<>();
            result.put("source", event.source());
            result.put("id", event.id());
            result.put("result", answer.detail());
            return ServerResponse.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(result);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(answer.status()), answer.detail());
        problem.setType(URI.create(PROBLEMS + answer.problemType()));
        problem.setTitle(answer.title());
        problem.setInstance(URI.create(request.path()));
        return ServerResponse.status(answer.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
