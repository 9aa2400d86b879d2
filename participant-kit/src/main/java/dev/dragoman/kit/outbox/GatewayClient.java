package dev.dragoman.kit.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one outbox event to the gateway's {@code POST /events} as a structured CloudEvent with the
 * service's key, and says what the answer means for the relay. The JDK's HTTP client: the kit adds
 * no HTTP stack to a service that may already have another.
 */
public class GatewayClient {

    private static final JsonFormat FORMAT = new JsonFormat();

    private final URI events;
    private final String apiKey;
    private final URI source;
    private final JsonMapper mapper;
    private final HttpClient http;

    public GatewayClient(URI gatewayUrl, String apiKey, String source, JsonMapper mapper, Duration connectTimeout) {
        String base = gatewayUrl.toString();
        this.events = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/events");
        this.apiKey = apiKey;
        this.source = URI.create(source);
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    public CloudEvent cloudEvent(OutboxEvent event) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.id())
                .withSource(source)
                .withType(event.type())
                .withTime(event.createdAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(event.data().getBytes(StandardCharsets.UTF_8))
                .withExtension("deadline", event.deadline().toString());
        if (event.sagaId() != null) {
            builder.withExtension("sagaid", event.sagaId());
        }
        return builder.build();
    }

    public SendOutcome send(OutboxEvent event, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(events)
                .timeout(timeout)
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header("X-Api-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(FORMAT.serialize(cloudEvent(event))))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            return SendOutcome.of(status, retryAfter(response), status + " " + problemDetail(response.body()));
        } catch (IOException e) {
            return SendOutcome.unreachable("gateway unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.unreachable("interrupted while sending");
        }
    }

    /** Only the seconds form, as the gateway writes it; an HTTP-date is ignored. */
    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(value -> value.trim().matches("\\d{1,9}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.trim())))
                .orElse(null);
    }

    private String problemDetail(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode problem = mapper.readTree(body);
            if (problem.hasNonNull("detail")) {
                return problem.path("title").asString("") + ": " + problem.get("detail").asString();
            }
        } catch (RuntimeException notJson) {
            // Not a problem document: the body itself says more than nothing.
        }
        return body.length() > 500 ? body.substring(0, 500) : body;
    }
}
