package dev.dragoman.bench.engine;

import dev.dragoman.rules.BodyTranslation;
import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.DirectionTranslator;
import dev.dragoman.rules.Translators;
import dev.dragoman.rules.model.ContextModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;

/**
 * The body translator against its limit and its alternatives, on the same bytes:
 * {@code parseOnly} (Jackson's tokenizer alone: no translator can beat it),
 * {@code tokenCopy} (parse and re-generate every token: the floor of any streaming
 * translator that writes its output with a generator), {@code tree} (read a tree, replace
 * the identifiers, write it: the common approach) and {@code dragoman} (the engine).
 * Compare them as ratios within one run; the absolute numbers depend on the machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BodyTranslationBenchmark {

    /** Rows of the game table behind the rules. */
    static final int GAMES = 1_000;

    /** The same factory configuration as the engine's: defaults. */
    private static final JsonFactory FACTORY = new JsonFactory();

    @Param({"1kb", "100kb", "sparse"})
    public String size;

    private byte[] json;
    private DirectionTranslator direction;
    private TreeTranslator tree;
    private ByteArrayOutputStream copy;

    @Setup
    public void setUp() throws IOException {
        Documents.Document document = Documents.of(size, GAMES);
        json = document.json();
        Path dir = Files.createTempDirectory("dragoman-bench-maps");
        ContextModel model;
        try {
            model = ContextMaps.load(GameMaps.write(dir, GAMES, true)).orElseThrow();
        } finally {
            GameMaps.delete(dir);
        }
        boolean sparse = size.equals("sparse");
        direction = Translators.compile(model).route(sparse ? GameMaps.SPARSE_ROUTE : GameMaps.ROUTE).orElseThrow().request();
        tree = new TreeTranslator(model.concepts().get("game").table(), GameMaps.FROM, GameMaps.TO, !sparse);
        copy = new ByteArrayOutputStream(json.length + 1024);
        verify(document);
    }

    /** A benchmark of a wrong result is worthless: every approach must produce the same document. */
    private void verify(Documents.Document document) {
        BodyTranslation translation = dragoman();
        if (!translation.complete() || translation.translated() != document.identifiers()) {
            throw new IllegalStateException("dragoman translated " + translation.translated() + " of " + document.identifiers()
                    + " identifiers of the " + size + " document; unresolved: " + translation.unresolved());
        }
        byte[] byTree = tree();
        if (tree.untranslated() != 0) {
            throw new IllegalStateException("the tree baseline left " + tree.untranslated() + " identifiers untranslated");
        }
        JsonNode expected = tree.mapper().readTree(byTree);
        JsonNode actual = tree.mapper().readTree(translation.body());
        if (!expected.equals(actual)) {
            throw new IllegalStateException("dragoman and the tree baseline disagree on the " + size + " document:\n"
                    + new String(translation.body(), java.nio.charset.StandardCharsets.UTF_8) + "\n"
                    + new String(byTree, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (expected.equals(tree.mapper().readTree(json))) {
            throw new IllegalStateException("the translated " + size + " document equals the original: the rules matched nothing");
        }
        copyTokens();
        if (!tree.mapper().readTree(json).equals(tree.mapper().readTree(copy.toByteArray()))) {
            throw new IllegalStateException("tokenCopy did not reproduce the " + size + " document");
        }
    }

    @Benchmark
    public void parseOnly(Blackhole blackhole) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                blackhole.consume(token);
            }
        }
    }

    /** Writes into a reused buffer and hands back no copy: a lower bound for a re-generating translator. */
    @Benchmark
    public int tokenCopy() {
        copyTokens();
        return copy.size();
    }

    private void copyTokens() {
        copy.reset();
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json);
                JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), copy)) {
            while (parser.nextToken() != null) {
                generator.copyCurrentEvent(parser);
            }
        }
    }

    @Benchmark
    public byte[] tree() {
        return tree.translate(json);
    }

    @Benchmark
    public BodyTranslation dragoman() {
        return direction.body(json);
    }
}
