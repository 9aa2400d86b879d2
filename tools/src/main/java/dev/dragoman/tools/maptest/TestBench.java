package dev.dragoman.tools.maptest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.test.Dragoman;
import dev.dragoman.test.DragomanRun;
import dev.dragoman.test.EmbeddedGateway;
import dev.dragoman.tools.maptest.MapTestCase.Event;
import dev.dragoman.tools.maptest.MapTestCase.CompositionCase;
import dev.dragoman.tools.maptest.MapTestCase.EventCase;
import dev.dragoman.tools.maptest.MapTestCase.ExpectedError;
import dev.dragoman.tools.maptest.MapTestCase.ExpectedCopy;
import dev.dragoman.tools.maptest.MapTestCase.HttpCase;
import dev.dragoman.tools.maptest.MapTestCase.Message;
import dev.dragoman.tools.maptest.MapTestReport.CaseResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real gateway, started in this process on a random loopback port with the maps under test,
 * an in-memory event store and a fresh key per context, with WireMock servers standing in for
 * every route's upstream (one server per route, so the journal tells routes apart) and every
 * context's inbox (one server, a path per context). It is the dragoman-test extension's gateway
 * ({@link DragomanRun}): a YAML map test and a Java contract test meet the same gateway.
 */
final class TestBench implements AutoCloseable {

    /** How long a case waits for a copy to reach an inbox: delivery is asynchronous. */
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ContextModel model;
    private final DragomanRun run;
    private final Map<String, WireMockServer> upstreams = new LinkedHashMap<>();
    private final WireMockServer inboxes;
    /** Notified at every request an inbox receives, so that a wait for a copy ends when it arrives. */
    private final Object arrivals = new Object();
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private int serial;

    private TestBench(ContextModel model, DragomanRun run) {
        this.model = model;
        this.run = run;
        Dragoman dragoman = run.dragoman();
        this.base = dragoman.baseUri();
        this.inboxes = dragoman.inboxes();
        inboxes.addMockServiceRequestListener((request, response) -> {
            synchronized (arrivals) {
                arrivals.notifyAll();
            }
        });
        model.contexts().keySet().forEach(context -> keys.put(context, dragoman.client(context).apiKey()));
        model.routes().forEach(route -> upstreams.put(route.id(), dragoman.upstream(route.id())));
    }

    static TestBench start(Path mapsDir, ContextModel model) {
        return start(mapsDir, model, Map.of());
    }

    /**
     * @param stubDirectories per route id, a WireMock stub directory that route's upstream serves
     *     (its {@code __files} answer the stubs' {@code bodyFileName}s)
     */
    static TestBench start(Path mapsDir, ContextModel model, Map<String, Path> stubDirectories) {
        return new TestBench(model, DragomanRun.start(mapsDir, stubDirectories));
    }

    /** The WireMock standing in for a route's upstream. */
    WireMockServer upstream(String routeId) {
        return upstreams.get(routeId);
    }

    /** The request that went to another route's upstream instead, if any, as {@code " (the request went to ...)"}. */
    String wentElsewhere(String routeId) {
        return elsewhere(routeId);
    }

    /**
     * Sends a request to the gateway as {@code context} (with its key) and answers the gateway's response.
     *
     * @param pathAndQuery the path the caller asks for, with its query string if any
     * @param body null for none
     */
    HttpResponse<String> send(String context, String method, String pathAndQuery, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(60));
        builder.header("X-Api-Key", keys.get(context));
        headers.forEach(builder::header);
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    CaseResult run(MapTestCase testCase) {
        serial++;
        List<String> failures = new ArrayList<>();
        try {
            if (testCase instanceof HttpCase c) {
                http(c, failures);
            } else if (testCase instanceof EventCase c) {
                event(c, failures);
            } else if (testCase instanceof CompositionCase c) {
                composition(c, failures);
            }
        } catch (IOException | RuntimeException e) {
            failures.add("could not run: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add("interrupted");
        }
        return new CaseResult(testCase.file(), testCase.line(), testCase.name(), failures);
    }

    // ---- HTTP cases

    private void http(HttpCase c, List<String> failures) throws IOException, InterruptedException {
        upstreams.values().forEach(WireMockServer::resetAll);
        WireMockServer upstream = upstreams.get(c.route());
        if (c.stubs() != null) {
            StubDirectory.mappings(c.stubs()).forEach(mapping -> upstream.addStubMapping(StubMapping.buildFrom(mapping)));
        } else if (c.answers() != null) {
            ResponseDefinitionBuilder answer = aResponse().withStatus(c.answers().status());
            c.answers().headers().forEach(answer::withHeader);
            if (c.answers().body() != null) {
                if (!c.answers().body().isString() && !hasHeader(c.answers().headers(), "Content-Type")) {
                    answer.withHeader("Content-Type", "application/json");
                }
                answer.withBody(bodyText(c.answers().body()));
            }
            upstream.stubFor(any(anyUrl()).willReturn(answer));
        }
        Message request = c.request();
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(request.path())).timeout(Duration.ofSeconds(60));
        String from = model.route(c.route()).orElseThrow().from();
        if (!hasHeader(request.headers(), "X-Api-Key")) {
            builder.header("X-Api-Key", keys.get(from));
        }
        request.headers().forEach(builder::header);
        if (request.body() != null && !request.body().isString() && !hasHeader(request.headers(), "Content-Type")) {
            builder.header("Content-Type", "application/json");
        }
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(bodyText(request.body())));
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());

        List<LoggedRequest> received = upstream.findAll(anyRequestedFor(anyUrl()));
        String whose = "the upstream of route " + c.route();
        if (c.answers() == null) {
            if (!received.isEmpty()) {
                failures.add(whose + " received " + describe(received.get(0)) + ", expected no request at all");
            }
        } else if (received.isEmpty()) {
            failures.add(whose + " received no request" + elsewhere(c.route()));
        } else {
            if (received.size() > 1) {
                failures.add(whose + " received " + received.size() + " requests, expected 1");
            }
            upstreamReceived(c.receives(), received.get(0), failures);
        }

        callerReceived(c.error(), c.response(), response, failures);
    }

    /** The caller's answer against the case's expected error or expected answer (status, headers, body). */
    private static void callerReceived(ExpectedError error, Message expected, HttpResponse<String> response, List<String> failures) {
        if (error != null) {
            Expectations.error(error, response.statusCode(), response.body(), "the caller", failures);
            return;
        }
        if (response.statusCode() != expected.status()) {
            failures.add("the caller received status " + response.statusCode() + ", expected " + expected.status()
                    + Expectations.detail(response.body()));
            return;
        }
        expected.headers().forEach((name, value) -> {
            String actual = response.headers().firstValue(name).orElse(null);
            if (actual == null) {
                failures.add("the caller received no header " + name + ", expected " + name + ": " + value);
            } else if (!actual.equals(value)) {
                failures.add("the caller received header " + name + ": " + actual + ", expected " + value);
            }
        });
        Expectations.body("the caller's body", expected.body(), response.body(), failures);
    }

    private void upstreamReceived(Message expected, LoggedRequest actual, List<String> failures) {
        if (expected == null) {
            return;
        }
        if (expected.method() != null && !expected.method().equalsIgnoreCase(actual.getMethod().toString())) {
            failures.add("the upstream received method " + actual.getMethod() + ", expected " + expected.method());
        }
        if (expected.path() != null && !expected.path().equals(actual.getUrl())) {
            failures.add("the upstream received path " + actual.getUrl() + ", expected " + expected.path());
        }
        expected.headers().forEach((name, value) -> {
            if (!actual.containsHeader(name)) {
                failures.add("the upstream received no header " + name + ", expected " + name + ": " + value);
            } else if (!actual.getHeader(name).equals(value)) {
                failures.add("the upstream received header " + name + ": " + actual.getHeader(name) + ", expected " + value);
            }
        });
        Expectations.body("the upstream's body", expected.body(), actual.getBodyAsString(), failures);
    }

    /** When the route's upstream got nothing, where the request went instead, if to another route's. */
    private String elsewhere(String route) {
        for (Map.Entry<String, WireMockServer> other : upstreams.entrySet()) {
            List<LoggedRequest> got = other.getValue().findAll(anyRequestedFor(anyUrl()));
            if (!other.getKey().equals(route) && !got.isEmpty()) {
                return " (the request went to route " + other.getKey() + "'s upstream as " + describe(got.get(0)) + ")";
            }
        }
        return "";
    }

    // ---- composition cases

    private void composition(CompositionCase c, List<String> failures) throws IOException, InterruptedException {
        upstreams.values().forEach(WireMockServer::resetAll);
        c.parts().forEach((name, part) -> {
            ResponseDefinitionBuilder answer = aResponse().withStatus(part.answers().status());
            part.answers().headers().forEach(answer::withHeader);
            if (part.answers().body() != null) {
                if (!part.answers().body().isString() && !hasHeader(part.answers().headers(), "Content-Type")) {
                    answer.withHeader("Content-Type", "application/json");
                }
                answer.withBody(bodyText(part.answers().body()));
            }
            upstreams.get(part.route()).stubFor(any(urlEqualTo(part.receives().path())).willReturn(answer));
        });
        Message request = c.request();
        String context = model.composition(c.composition()).orElseThrow().context();
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        // The parts carry the caller's trace: a trace of the case's own tells its parts from those of
        // the case before, which may still be arriving (a 502 answers without waiting for them).
        String trace = HexFormat.of().formatHex(randomBytes(16));
        if (!hasHeader(headers, "traceparent")) {
            headers.put("traceparent", "00-" + trace + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01");
        }
        HttpResponse<String> response = hasHeader(headers, "X-Api-Key")
                ? sendAs(request, headers) : send(context, request.method(), request.path(), headers, null);
        for (Map.Entry<String, MapTestCase.PartExchange> entry : c.parts().entrySet()) {
            MapTestCase.PartExchange part = entry.getValue();
            List<LoggedRequest> got = ofTrace(trace, upstreams.get(part.route()).findAll(anyRequestedFor(urlEqualTo(part.receives().path()))));
            if (got.isEmpty()) {
                failures.add("part " + entry.getKey() + ": the upstream of route " + part.route() + " received no request for "
                        + part.receives().path() + elsewhere(part.route()));
            } else {
                upstreamReceived(part.receives(), got.get(0), failures);
            }
        }
        if (c.error() != null && c.error().status() < 500) {
            // the caller's own mistake: no part may have been fetched
            upstreams.forEach((route, upstream) -> ofTrace(trace, upstream.findAll(anyRequestedFor(anyUrl()))).stream().findFirst().ifPresent(got ->
                    failures.add("the upstream of route " + route + " received " + describe(got) + ", expected no part to be fetched")));
        }
        callerReceived(c.error(), c.response(), response, failures);
    }

    /** The requests of one trace, and those that carry none (a gateway with tracing off). */
    private static List<LoggedRequest> ofTrace(String traceId, List<LoggedRequest> requests) {
        return requests.stream().filter(r -> !r.containsHeader("traceparent") || r.getHeader("traceparent").contains("-" + traceId + "-")).toList();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** A request whose case sets its own {@code X-Api-Key} (or none: an empty value), to check who may call. */
    private HttpResponse<String> sendAs(Message request, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(request.path())).timeout(Duration.ofSeconds(60));
        headers.forEach(builder::header);
        builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- event cases

    private void event(EventCase c, List<String> failures) throws IOException, InterruptedException {
        inboxes.resetRequests();
        for (Event given : c.given()) {
            HttpResponse<String> answer = publish(given);
            if (answer.statusCode() != 202) {
                failures.add("the given event on line " + given.line() + " was answered " + answer.statusCode() + ", expected 202"
                        + Expectations.detail(answer.body()));
                return;
            }
        }
        HttpResponse<String> answer = publish(c.publish());
        if (c.error() != null) {
            Expectations.error(c.error(), answer.statusCode(), answer.body(), "the publisher", failures);
            return;
        }
        if (answer.statusCode() != 202) {
            failures.add("the publisher received status " + answer.statusCode() + ", expected 202" + Expectations.detail(answer.body()));
            return;
        }
        JsonNode accepted = JSON.readTree(answer.body());
        Set<String> receivers = new HashSet<>();
        accepted.path("receivers").forEach(r -> receivers.add(r.asString()));
        String id = accepted.path("id").asString();
        String sagaId = accepted.path("sagaid").asString(null);
        String type = c.publish().attributes().get("type").asString();
        for (Map.Entry<String, ExpectedCopy> entry : c.deliver().entrySet()) {
            String context = entry.getKey();
            ExpectedCopy copy = entry.getValue();
            if (copy.type().equals(type) && !receivers.contains(context)) {
                failures.add(context + " is not among the receivers of " + type + ": " + new java.util.TreeSet<>(receivers));
                continue;
            }
            JsonNode delivered = awaitCopy(context, copy.type(), id, sagaId);
            if (delivered == null) {
                failures.add(context + " received no " + copy.type() + " within " + DELIVERY_WAIT.toSeconds() + "s");
            } else if (copy.data() != null) {
                JsonNode data = delivered.has("data") ? delivered.get("data") : delivered.path("data_base64");
                JsonDiff.diff(copy.data(), data).forEach(d -> failures.add(context + "'s copy of " + copy.type() + ", data at " + d));
            }
        }
        for (String context : c.noCopyTo()) {
            if (receivers.contains(context)) {
                failures.add(context + " receives a copy of " + type + ", expected none");
            }
        }
    }

    private HttpResponse<String> publish(Event event) throws IOException, InterruptedException {
        ObjectNode cloudEvent = JSON.createObjectNode();
        cloudEvent.put("specversion", "1.0");
        cloudEvent.put("source", "/map-tests/" + event.from());
        cloudEvent.setAll(event.attributes());
        // Written ids are scoped to their case, so that cases never meet as duplicates or one saga.
        cloudEvent.put("id", (event.attributes().has("id") ? event.attributes().get("id").asString() : "event") + "-" + serial);
        if (event.attributes().has("sagaid")) {
            cloudEvent.put("sagaid", event.attributes().get("sagaid").asString() + "-" + serial);
        }
        if (event.data() != null) {
            if (!cloudEvent.has("datacontenttype")) {
                cloudEvent.put("datacontenttype", event.data().isString() ? "text/plain" : "application/json");
            }
            cloudEvent.set("data", event.data());
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/events"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/cloudevents+json")
                .header("X-Api-Key", keys.get(event.from()))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(cloudEvent)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The copy of the given type that reached a context's inbox for this event (its id) or its
     * saga (an outcome), waiting for it as delivery does its work; null when none came in time.
     */
    private JsonNode awaitCopy(String context, String type, String id, String sagaId) throws InterruptedException {
        long until = System.nanoTime() + DELIVERY_WAIT.toNanos();
        do {
            for (LoggedRequest request : inboxes.findAll(postRequestedFor(urlEqualTo(EmbeddedGateway.inboxPath(context))))) {
                JsonNode copy = JSON.readTree(request.getBodyAsString());
                if (copy.path("type").asString().equals(type) && (copy.path("id").asString().equals(id)
                        || sagaId != null && sagaId.equals(copy.path("sagaid").asString(null)))) {
                    return copy;
                }
            }
            // Delivery is asynchronous: wait for the next request to reach an inbox (or the time to run out).
            long left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
            if (left > 0) {
                synchronized (arrivals) {
                    arrivals.wait(Math.min(left, POLL.toMillis()));
                }
            }
        } while (System.nanoTime() < until);
        return null;
    }

    private static String describe(LoggedRequest request) {
        return request.getMethod() + " " + request.getUrl();
    }

    private static String bodyText(JsonNode body) {
        return body.isString() ? body.asString() : JSON.writeValueAsString(body);
    }

    private static boolean hasHeader(Map<String, String> headers, String name) {
        return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
    }

    @Override
    public void close() {
        run.close();
    }
}
