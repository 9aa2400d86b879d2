package dev.dragoman.gateway.events;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receiving side of the CloudEvents Java SDK as the test oracle: every copy Dragoman sends,
 * to a WireMock inbox or to a Kafka topic, must be read by the SDK's own binding (HTTP or Kafka,
 * with its JSON event format) into a CloudEvent 1.0 that passes what the spec requires: a
 * non-empty id, source and type, extensions of the CloudEvents types, and a body that is JSON
 * (with no member twice).
 *
 * <p>The inboxes of the event tests are made by {@link #inboxServer()}; each test class asserts
 * after each test that every request its inboxes received was such an event.
 */
public final class CloudEventOracle {

    private static final JsonMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Map<WireMockServer, Checker> CHECKERS = new WeakHashMap<>();

    private CloudEventOracle() {
    }

    /** A WireMock server for inboxes that checks every request it receives. */
    static synchronized WireMockServer inboxServer() {
        Checker checker = new Checker();
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(checker));
        CHECKERS.put(server, checker);
        return server;
    }

    /** Fails with every request the server received since the last call that was not a valid CloudEvent. */
    static synchronized void assertEveryEventValid(WireMockServer server) {
        Checker checker = CHECKERS.get(server);
        List<String> failures = new ArrayList<>(checker.failures);
        checker.failures.clear();
        assertThat(failures).as("copies that the CloudEvents SDK refuses").isEmpty();
    }

    /** Reads an HTTP request as a receiver would; throws AssertionError if it is not a valid CloudEvent. */
    static CloudEvent read(Map<String, List<String>> headers, byte[] body) {
        CloudEvent event;
        try {
            event = HttpMessageFactory.createReader(consumer -> headers.forEach((name, values) -> values.forEach(v -> consumer.accept(name, v))),
                    body).toEvent();
        } catch (RuntimeException e) {
            throw new AssertionError("the CloudEvents SDK does not read it: " + e + "\n" + new String(body, StandardCharsets.UTF_8), e);
        }
        String contentType = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("content-type"))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse("");
        return valid(event, contentType.startsWith("application/cloudevents") ? body : null);
    }

    /** Reads a Kafka record as a receiver would; throws AssertionError if it is not a valid CloudEvent. */
    static CloudEvent read(ConsumerRecord<?, byte[]> record) {
        Headers headers = record.headers();
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(headers, record.value()).toEvent();
        } catch (RuntimeException e) {
            throw new AssertionError("the CloudEvents SDK does not read the record: " + e, e);
        }
        boolean structured = headers.lastHeader("content-type") != null
                && new String(headers.lastHeader("content-type").value(), StandardCharsets.UTF_8).startsWith("application/cloudevents");
        return valid(event, structured ? record.value() : null);
    }

    private static CloudEvent valid(CloudEvent event, byte[] structuredBody) {
        String what = " in " + event;
        assertThat(event.getSpecVersion()).as("specversion" + what).isEqualTo(SpecVersion.V1);
        assertThat(event.getId()).as("id" + what).isNotEmpty();
        assertThat(event.getSource().toString()).as("source" + what).isNotEmpty();
        assertThat(event.getType()).as("type" + what).isNotEmpty();
        for (String name : event.getExtensionNames()) {
            assertThat(name).as("extension name" + what).matches("[a-z0-9]+");
            Object value = event.getExtension(name);
            assertThat(value).as("extension " + name + what).isNotNull();
            if (value instanceof Number number) {
                assertThat(number.doubleValue()).as("extension " + name + " is an Integer" + what)
                        .isEqualTo((double) number.intValue());
            }
        }
        if (structuredBody != null) {
            JsonNode json;
            try {
                json = STRICT.readTree(structuredBody);
            } catch (RuntimeException e) {
                throw new AssertionError("the body is not JSON: " + e.getMessage() + "\n" + new String(structuredBody,
                        StandardCharsets.UTF_8), e);
            }
            assertThat(json.isObject()).as("the structured event is a JSON object").isTrue();
            assertThat(json.has("data") && json.has("data_base64")).as("data and data_base64 together" + what).isFalse();
            json.properties().forEach(member -> assertThat(member.getValue().isNull() || member.getValue().isContainer()
                    && !member.getKey().equals("data")).as("attribute " + member.getKey() + " is null or an object" + what).isFalse());
        }
        return event;
    }

    private static final class Checker implements ServeEventListener {
        final List<String> failures = new CopyOnWriteArrayList<>();

        @Override
        public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
            Request request = serveEvent.getRequest();
            if (!request.getMethod().getName().equals("POST")) {
                return; // a resolver's question, not a delivery
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (HttpHeader header : request.getHeaders().all()) {
                headers.put(header.key(), header.values());
            }
            try {
                read(headers, request.getBody());
            } catch (AssertionError e) {
                failures.add(request.getMethod() + " " + request.getUrl() + ": " + e.getMessage());
            }
        }

        @Override
        public String getName() {
            return "cloudevent-oracle";
        }
    }
}
