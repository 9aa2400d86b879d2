package dev.dragoman.tools.maptest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.LoadError;
import dev.dragoman.rules.LoadResult;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.rules.model.Route;
import dev.dragoman.tools.maptest.SweepReport.StubResult;
import dev.dragoman.tools.stubs.StubDirectoryTranslator;
import dev.dragoman.tools.stubs.StubProblem;
import dev.dragoman.tools.stubs.StubReport;
import dev.dragoman.tools.stubs.StubRoute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract sweep: every stub of a provider (a WireMock stub directory in the provider's vocabulary) is served by
 * the route's upstream WireMock, one at a time, and the request the caller would send for it (the stub's request
 * translated back into the caller's vocabulary by {@code stubs translate}'s machinery) goes through the real gateway.
 * A stub passes when the provider's WireMock received a request the stub matched and the caller got the stub's status
 * back (not a 422 or 502 for an identifier the map cannot translate). A stub whose identifiers have no row fails with
 * the map's file:line to add it; one that describes no single request (a regex URL, a {@code matches} matcher) is
 * skipped with the reason, since a guessed request would test the guess.
 */
public final class ContractSweep {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NO_ROW = "has no row";

    private ContractSweep() {
    }

    /**
     * @param routeId the route whose callee's stubs these are; null to choose it by {@code provider} and {@code consumer}
     * @param provider the context the stubs speak (default: the route's callee)
     * @param consumer the context that calls it (default: the route's caller); alone, it names the route when it calls
     *     through one
     */
    public static SweepReport run(Path mapsDir, Path stubsDir, String routeId, String provider, String consumer) {
        List<String> problems = new ArrayList<>();
        LoadResult maps = ContextMaps.load(mapsDir);
        if (!maps.isValid()) {
            maps.errors().stream().map(LoadError::toString).forEach(problems::add);
            problems.add(mapsDir + ": the maps do not load, so no stub was swept");
            return new SweepReport(stubsDir.toString(), problems, List.of());
        }
        ContextModel model = maps.orElseThrow();
        StubRoute stubRoute;
        try {
            if (routeId != null && (provider == null || consumer == null)) {
                Route named = model.route(routeId).orElseThrow(() -> new IllegalArgumentException("no route '" + routeId + "' in the maps"));
                provider = provider == null ? named.to() : provider;
                consumer = consumer == null ? named.from() : consumer;
            }
            if (routeId == null && provider == null && consumer != null) {
                // --to alone: the consumer's one route names the provider
                String caller = consumer;
                // a route within one context (its own service) has no other vocabulary to sweep
                List<Route> calls = model.routes().stream().filter(r -> r.from().equals(caller) && !r.to().equals(caller)).toList();
                if (calls.size() == 1) {
                    provider = calls.get(0).to();
                } else {
                    throw new IllegalArgumentException(consumer + " calls through " + calls.size() + " routes"
                            + (calls.isEmpty() ? "" : " (" + calls.stream().map(Route::id).collect(java.util.stream.Collectors.joining(", ")) + ")")
                            + ": name one with --route, or the provider with --from");
                }
            }
            if (provider == null || consumer == null) {
                throw new IllegalArgumentException("name the route (--route) or the provider and its consumer (--from, --to)");
            }
            stubRoute = StubRoute.choose(model, provider, consumer, routeId);
            if (stubRoute.reading() != StubRoute.Reading.PROVIDER_TO_CONSUMER) {
                throw new IllegalArgumentException("route " + stubRoute.route().id() + " calls " + stubRoute.route().to()
                        + ", not " + provider + ": the sweep reads the stubs of the route's callee");
            }
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return new SweepReport(stubsDir.toString(), problems, List.of());
        }
        Route route = stubRoute.route();
        String what = stubsDir + " against " + mapsDir + " by route " + route.id() + " (" + route.from() + " -> " + route.to() + ")";
        String prefix = callerPrefix(route);
        if (prefix == null) {
            problems.add("route " + route.id() + " strips " + route.stripPrefix() + " segments of " + route.path()
                    + ", which are not all literal: the caller's path for a stub cannot be told");
            return new SweepReport(what, problems, List.of());
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("dragoman-sweep-");
            StubDirectoryTranslator translator = new StubDirectoryTranslator(stubRoute, model, mapsDir, true);
            StubReport translation = translator.translate(stubsDir, work.resolve("translated"));
            // A mapping whose answer does not translate is written as it was, request and all; the caller's request is
            // translated again from the mappings with their answers taken out, so that it comes out whenever it can.
            Path requestsOnly = work.resolve("requests");
            requestsOnly(stubsDir.resolve("mappings"), requestsOnly.resolve("mappings"));
            Path callers = work.resolve("callers");
            translator.translate(requestsOnly, callers);
            List<Stub> stubs = stubs(stubsDir, callers, translation, problems);
            // The bodies the stubs answer with; a copy, so that nothing WireMock does can touch the department's files.
            Path root = work.resolve("wiremock");
            copy(stubsDir.resolve("__files"), root.resolve("__files"));
            List<StubResult> results = new ArrayList<>();
            try (TestBench bench = TestBench.start(mapsDir, model, Map.of(route.id(), root))) {
                for (Stub stub : stubs) {
                    results.add(sweep(bench, route, prefix, stub));
                }
            } catch (RuntimeException e) {
                problems.add(mapsDir + ": the gateway or its WireMock stand-ins failed: " + e);
            }
            return new SweepReport(what, problems, results);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            problems.add(e.getMessage());
            return new SweepReport(what, problems, List.of());
        } catch (IOException e) {
            problems.add(stubsDir + ": " + e);
            return new SweepReport(what, problems, List.of());
        } finally {
            delete(work);
        }
    }

    /**
     * One mapping of the stub directory: as the provider wrote it, as translated into the caller's vocabulary (null
     * when it is not a mapping at all), and what kept it from translating, if anything.
     */
    private record Stub(String name, ObjectNode original, JsonNode callers, List<StubProblem> problems) {
    }

    private static List<Stub> stubs(Path stubsDir, Path translated, StubReport translation, List<String> problems) throws IOException {
        List<Stub> stubs = new ArrayList<>();
        for (Path file : jsonFiles(stubsDir.resolve("mappings"))) {
            String name = stubsDir.relativize(file).toString().replace('\\', '/');
            JsonNode root;
            try {
                root = JSON.readTree(Files.readAllBytes(file));
            } catch (JacksonException e) {
                problems.add(stubsDir.resolve(name) + ": not JSON: " + e.getOriginalMessage());
                continue;
            }
            boolean list = root instanceof ObjectNode o && o.get("mappings") instanceof ArrayNode;
            List<JsonNode> originals = list ? List.copyOf(root.get("mappings").values()) : List.of(root);
            // Written with keep-untranslatable, so the translated file holds every mapping, in order.
            JsonNode written = Files.isRegularFile(translated.resolve(name)) ? JSON.readTree(Files.readAllBytes(translated.resolve(name))) : null;
            List<JsonNode> callers = written == null ? List.of() : list ? List.copyOf(written.get("mappings").values()) : List.of(written);
            int next = 0;
            for (int i = 0; i < originals.size(); i++) {
                String at = list ? "$.mappings[" + i + "]" : "$";
                if (!(originals.get(i) instanceof ObjectNode original)) {
                    problems.add(stubsDir.resolve(name) + ":" + at + ": neither a mapping nor {\"mappings\": [...]}");
                    continue;
                }
                JsonNode caller = next < callers.size() ? callers.get(next++) : null;
                stubs.add(new Stub(name + ":" + at, original, caller, problemsOf(translation, name, at, original)));
            }
        }
        return stubs;
    }

    /** The translation's problems with this mapping, and with the body file it answers with. */
    private static List<StubProblem> problemsOf(StubReport translation, String file, String at, ObjectNode mapping) {
        String bodyFile = mapping.path("response").path("bodyFileName").asString(null);
        return translation.problems().stream()
                .filter(p -> p.file().equals(file) && (p.jsonPath().equals(at) || p.jsonPath().startsWith(at + "."))
                        || bodyFile != null && p.file().equals("__files/" + bodyFile))
                .toList();
    }

    private static StubResult sweep(TestBench bench, Route route, String prefix, Stub stub) {
        String stubRequest = describe(stub.original().path("request"));
        String requestAt = stub.name().substring(stub.name().indexOf(':') + 1) + ".request";
        List<StubProblem> onRequest = stub.problems().stream().filter(p -> p.jsonPath().startsWith(requestAt)).toList();
        if (!onRequest.isEmpty()) {
            if (onRequest.stream().anyMatch(p -> p.why().contains(NO_ROW))) {
                return new StubResult(stub.name(), stubRequest, onRequest.stream().map(ContractSweep::describe).toList(), null);
            }
            return new StubResult(stub.name(), stubRequest, List.of(), "its request cannot be translated: " + onRequest.get(0).why());
        }
        ConcreteRequest.Made made = ConcreteRequest.of(stub.callers().path("request"));
        if (made.request() == null) {
            return new StubResult(stub.name(), stubRequest, List.of(), made.whyNot());
        }
        ConcreteRequest request = made.request();
        List<String> failures = new ArrayList<>();
        int expectedStatus = stub.original().path("response").path("status").asInt(200);
        WireMockServer upstream = bench.upstream(route.id());
        try {
            upstream.resetAll();
            upstream.addStubMapping(StubMapping.buildFrom(JSON.writeValueAsString(stub.original())));
            HttpResponse<String> answer = bench.send(route.from(), request.method(), prefix + request.pathAndQuery(), request.headers(),
                    request.body());
            List<ServeEvent> received = upstream.getAllServeEvents();
            String whose = route.to() + "'s WireMock";
            if (received.isEmpty()) {
                failures.add(whose + " received no request" + bench.wentElsewhere(route.id()));
            } else if (received.stream().noneMatch(ServeEvent::getWasMatched)) {
                ServeEvent first = received.get(received.size() - 1);
                failures.add(whose + " received " + first.getRequest().getMethod() + " " + first.getRequest().getUrl()
                        + ", which the stub does not match");
            }
            if (answer.statusCode() != expectedStatus) {
                failures.add("the gateway answered " + answer.statusCode() + ", expected the stub's " + expectedStatus
                        + Expectations.detail(answer.body()));
            }
        } catch (IOException | RuntimeException e) {
            failures.add("could not run: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add("interrupted");
        }
        // What the map lacks is the point of the sweep: say which row, even when the exchange alone looked right.
        List<StubProblem> missingRows = stub.problems().stream().filter(p -> p.why().contains(NO_ROW)).toList();
        List<StubProblem> explaining = failures.isEmpty() ? missingRows : stub.problems();
        explaining.stream().map(ContractSweep::describe).forEach(failures::add);
        return new StubResult(stub.name(), request.describe(prefix), failures, null);
    }

    private static String describe(StubProblem problem) {
        return problem.toString();
    }

    /** A stub's request as the provider wrote it: {@code GET /games/1005}. */
    private static String describe(JsonNode request) {
        String method = request.path("method").asString("ANY");
        for (String key : List.of("url", "urlPath", "urlPattern", "urlPathPattern", "urlPathTemplate")) {
            if (request.has(key)) {
                return method + " " + request.get(key).asString();
            }
        }
        return method + " (any URL)";
    }

    /** The path the caller puts before what the route forwards: {@code /game-dept} for {@code /game-dept/**} stripping 1. */
    static String callerPrefix(Route route) {
        List<String> segments = Arrays.stream(route.path().split("/")).filter(s -> !s.isEmpty()).toList();
        if (route.stripPrefix() > segments.size()) {
            return null;
        }
        StringBuilder prefix = new StringBuilder();
        for (String segment : segments.subList(0, route.stripPrefix())) {
            if (segment.contains("*") || segment.contains("{") || segment.contains("?")) {
                return null;
            }
            prefix.append('/').append(segment);
        }
        return prefix.toString();
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir.getParent() + " has no mappings folder: a WireMock stub directory holds mappings/ and __files/");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** The mappings of {@code from} written to {@code to} with each answer cut down to its status. */
    private static void requestsOnly(Path from, Path to) throws IOException {
        for (Path file : jsonFiles(from)) {
            JsonNode root;
            try {
                root = JSON.readTree(Files.readAllBytes(file));
            } catch (JacksonException e) {
                continue; // reported from the full translation
            }
            List<JsonNode> mappings = root instanceof ObjectNode o && o.get("mappings") instanceof ArrayNode list
                    ? List.copyOf(list.values()) : List.of(root);
            for (JsonNode mapping : mappings) {
                if (mapping instanceof ObjectNode m) {
                    ObjectNode status = JSON.createObjectNode();
                    status.put("status", m.path("response").path("status").asInt(200));
                    m.set("response", status);
                }
            }
            Path target = to.resolve(from.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.write(target, JSON.writeValueAsBytes(root));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the sweep for
        }
    }
}
