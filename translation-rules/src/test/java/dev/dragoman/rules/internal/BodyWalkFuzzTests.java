package dev.dragoman.rules.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.rules.MalformedJsonException;
import dev.dragoman.rules.UnsupportedJsonEncodingException;
import dev.dragoman.rules.internal.RandomBodies.Case;
import dev.dragoman.rules.model.Concept;
import dev.dragoman.rules.model.IdentifierRef;
import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.Scalar;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever the bytes, the walk answers a translation or a {@link MalformedJsonException}:
 * never another exception, which the gateway would turn into a 500. Random bytes, valid
 * documents cut short or with bytes changed, and valid documents in other encodings.
 * {@code -Dfuzz.cases=N} runs more; a failure names its seed ({@code -Dfuzz.seed}).
 */
class BodyWalkFuzzTests {

    static final int CASES = Integer.getInteger("fuzz.cases", 3_000);
    static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());

    /** Rules that keep the walk reading everywhere, so no byte goes unparsed for lack of a live state. */
    private static final JsonBodyRules EVERYWHERE = everywhere();

    private static JsonBodyRules everywhere() {
        List<JsonPath> paths = List.of(JsonPath.parse("$..code"), JsonPath.parse("$[*]"), JsonPath.parse("$.*.*"), JsonPath.parse("$..a[1]"));
        List<RandomBodies.Row> rows = List.of(
                new RandomBodies.Row(Map.of("a.code", Scalar.number("1"), "b.code", Scalar.string("t\"en"))),
                new RandomBodies.Row(Map.of("a.code", Scalar.string("a"), "b.code", Scalar.number("1001"))));
        Concept concept = new Case(0, new byte[0], List.of(), List.of(), List.of(), rows, true).concept();
        IdentifierRef ref = IdentifierRef.parse("thing.code");
        return new JsonBodyRules(paths, paths.stream().map(p -> new CompiledRule(ref, concept, "a", "b", null)).toList(), "body");
    }

    private static final byte[] ALPHABET = "{}[]:,\"\\ \t\r\n0123456789-+.eEtrufalsn/u\u00e9".getBytes(UTF_8);

    @Test
    void throwsNothingButMalformedJsonForRandomBytes() {
        for (int i = 0; i < CASES; i++) {
            long seed = SEED + i;
            Random random = new Random(seed);
            byte[] bytes = new byte[random.nextInt(48)];
            for (int b = 0; b < bytes.length; b++) {
                bytes[b] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : ALPHABET[random.nextInt(ALPHABET.length)];
            }
            onlyMalformed(EVERYWHERE, bytes, seed);
        }
    }

    @Test
    void throwsNothingButMalformedJsonForCutOrChangedDocuments() {
        for (int i = 0; i < CASES; i++) {
            long seed = SEED + i * BodyTranslatorDifferentialTests.SPREAD;
            Case c = new RandomBodies(seed).next();
            JsonBodyRules engine = c.engine();
            Random random = new Random(seed);
            byte[] document = c.document();
            onlyMalformed(engine, Arrays.copyOf(document, random.nextInt(document.length + 1)), seed);
            onlyMalformed(EVERYWHERE, Arrays.copyOf(document, random.nextInt(document.length + 1)), seed);
            byte[] changed = document.clone();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                changed[random.nextInt(changed.length)] = random.nextBoolean() ? (byte) random.nextInt(256) : ALPHABET[random.nextInt(ALPHABET.length)];
            }
            onlyMalformed(engine, changed, seed);
            onlyMalformed(EVERYWHERE, changed, seed);
        }
    }

    @Test
    void refusesEveryDocumentInAnotherEncodingNamingIt() {
        List<String> encodings = List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE");
        for (int i = 0; i < CASES / 4; i++) {
            long seed = SEED + i * BodyTranslatorDifferentialTests.SPREAD;
            Case c = new RandomBodies(seed).next();
            String encoding = encodings.get(i % encodings.size());
            byte[] text = new String(c.document(), UTF_8).getBytes(Charset.forName(encoding));
            byte[] bom = (i / 4) % 2 == 0 ? new byte[0] : "\uFEFF".getBytes(Charset.forName(encoding));
            byte[] body = ByteBuffer.allocate(bom.length + text.length).put(bom).put(text).array();
            assertThatThrownBy(() -> c.engine().translate(body)).as("seed %d: %s", seed, c)
                    .isInstanceOfSatisfying(UnsupportedJsonEncodingException.class,
                            e -> assertThat(e.encoding()).isEqualTo(encoding));
        }
    }

    private static void onlyMalformed(JsonBodyRules engine, byte[] bytes, long seed) {
        try {
            engine.translate(bytes);
        } catch (MalformedJsonException expected) {
            // the one exception a body may cause
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("seed " + seed + " (rerun with -Dfuzz.seed=" + seed + " -Dfuzz.cases=1): " + e
                    + " for bytes " + HexFormat.of().formatHex(bytes) + " (" + new String(bytes, UTF_8) + ")", e);
        }
    }
}
