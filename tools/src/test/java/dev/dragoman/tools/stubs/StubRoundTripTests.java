package dev.dragoman.tools.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.rules.model.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every demo department's stubs, translated into the vocabulary of each route's caller and back, give the original,
 * mapping for mapping and body file for body file (as JSON trees); every mapping left out on the way is reported with
 * its file and JSON path. The routes come from the example maps and the stubs from mock-upstreams, so a new stub or a
 * new route is covered without touching this test.
 */
class StubRoundTripTests {

    static final Path MAPS = Path.of("..", "context-maps");
    static final Path DEPARTMENTS = Path.of("..", "mock-upstreams", "src", "main", "resources", "departments");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyProvidersStubsRoundTripThroughItsCallersVocabulary() {
        ContextModel model = ContextMaps.load(MAPS).orElseThrow();
        // a route within one context (web support's own tickets) has no caller's vocabulary to translate stubs into
        List<Route> routes = model.routes().stream().filter(r -> !r.from().equals(r.to()))
                .filter(r -> Files.isDirectory(DEPARTMENTS.resolve(r.to()).resolve("mappings"))).toList();
        assertThat(routes).extracting(Route::id).contains("web-support-to-game-dept", "game-dept-to-web-support");
        return routes.stream().map(route -> DynamicTest.dynamicTest(route.id(), () -> roundTrip(model, route)));
    }

    private void roundTrip(ContextModel model, Route route) throws IOException {
        Path original = DEPARTMENTS.resolve(route.to());
        Path consumer = tmp.resolve(route.id()).resolve("consumer");
        Path back = tmp.resolve(route.id()).resolve("back");

        StubRoute there = StubRoute.choose(model, route.to(), route.from(), route.id());
        StubReport out = new StubDirectoryTranslator(there, model, MAPS, false).translate(original, consumer);
        StubRoute home = StubRoute.choose(model, route.from(), route.to(), route.id());
        StubReport in = new StubDirectoryTranslator(home, model, MAPS, false).translate(consumer, back);

        assertThat(there.reading()).isEqualTo(StubRoute.Reading.PROVIDER_TO_CONSUMER);
        assertThat(home.reading()).isEqualTo(StubRoute.Reading.CONSUMER_TO_PROVIDER);
        assertThat(in.problems()).as("what went there comes back whole").isEmpty();
        assertThat(in.translated()).isEqualTo(out.translated());
        for (String left : out.untranslated()) {
            String file = left.substring(0, left.indexOf(':'));
            String at = left.substring(left.indexOf(':') + 1);
            assertThat(out.problems()).as("why %s was left out", left)
                    .anySatisfy(p -> assertThat(p.file() + ":" + p.jsonPath()).startsWith(file + ":" + at));
        }
        int changed = 0;
        for (Path file : jsonFiles(original.resolve("mappings"))) {
            String name = original.relativize(file).toString().replace('\\', '/');
            List<JsonNode> expected = new ArrayList<>();
            List<JsonNode> mappings = mappings(read(file));
            for (int i = 0; i < mappings.size(); i++) {
                if (!out.untranslated().contains(name + ":" + (read(file).has("mappings") ? "$.mappings[" + i + "]" : "$"))) {
                    expected.add(mappings.get(i));
                }
            }
            Path translated = consumer.resolve(name);
            Path returned = back.resolve(name);
            if (expected.isEmpty()) {
                assertThat(returned).doesNotExist();
                continue;
            }
            assertThat(mappings(read(returned))).as(name).isEqualTo(expected);
            List<JsonNode> there2 = mappings(read(translated));
            for (int i = 0; i < expected.size(); i++) {
                if (!there2.get(i).equals(expected.get(i))) {
                    changed++;
                }
            }
        }
        assertThat(changed).as("mappings whose identifiers the route translated").isPositive();
        for (Path body : jsonFiles(back.resolve("__files"))) {
            String name = back.relativize(body).toString();
            assertThat(read(body)).as(name).isEqualTo(read(original.resolve(name)));
        }
        assertThat(out.bodyFiles()).isPositive().isEqualTo(in.bodyFiles());
    }

    private static List<JsonNode> mappings(JsonNode root) {
        return root instanceof ObjectNode o && o.has("mappings") ? List.copyOf(o.get("mappings").values()) : List.of(root);
    }

    private static JsonNode read(Path file) {
        try {
            return MappingTranslator.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }
}
