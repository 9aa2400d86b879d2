package dev.dragoman.rules.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.BodyTranslation;
import dev.dragoman.rules.JsonLimits;
import dev.dragoman.rules.MalformedJsonException;
import dev.dragoman.rules.internal.RandomBodies.Case;
import dev.dragoman.rules.model.Concept;
import dev.dragoman.rules.model.IdentifierRef;
import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.Scalar;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * The byte scan that skips what no rule reaches ({@link JsonSkipper}) against Jackson's own
 * {@code skipChildren}, the path it replaced: random JSON with nasty strings (escaped quotes
 * and backslashes, unicode escapes, lone surrogates, brackets and colons inside strings,
 * multi-byte UTF-8), numbers at the length limit, nesting at the depth limit and every kind of
 * whitespace, then malformed variants of it (cut short, a byte changed, inserted or dropped,
 * a trailing comma, a leading zero). Both must accept the same bytes and stop at the same
 * byte, and the engine must refuse a document exactly when Jackson, reading every token,
 * does; when it accepts, it translates the identifiers around the skipped values.
 *
 * <p>{@code -Dfuzz.cases=N} runs more; the seed is printed, and a failure names its case's
 * seed, which {@code -Dfuzz.seed=<seed> -Dfuzz.cases=1} runs again alone.
 */
class SkipperDifferentialTests {

    static final int CASES = Integer.getInteger("fuzz.cases", 3_000);
    static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());

    /**
     * The walk's settings on Jackson's own factory: the old path. A new one for every read:
     * a factory's symbol table remembers names, and once it holds {@code "a"} Jackson takes
     * the invalid UTF-8 name {@code "\xFFa"} for it (its table pads short names with 0xFF
     * bytes, which it assumes UTF-8 never holds) where a fresh one refuses it. The skipper
     * always refuses it: what the old path accepted depended on the names seen before.
     */
    private static JsonFactory jackson() {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(JsonLimits.MAX_NESTING_DEPTH).build())
                .build();
    }

    private static final JsonFactory SKIPPING = new SkippingJsonFactory(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(JsonLimits.MAX_NESTING_DEPTH).build()));

    /** Rules that reach {@code $.keep.code} and {@code $.list[1].code} only: the member {@code skip} and {@code list[0]} are skipped. */
    private static final JsonBodyRules AROUND = around();

    private static JsonBodyRules around() {
        List<JsonPath> paths = List.of(JsonPath.parse("$.keep.code"), JsonPath.parse("$.list[1].code"));
        List<RandomBodies.Row> rows = List.of(
                new RandomBodies.Row(Map.of("a.code", Scalar.string("k1"), "b.code", Scalar.string("t1"))),
                new RandomBodies.Row(Map.of("a.code", Scalar.string("k2"), "b.code", Scalar.string("t2"))));
        Concept concept = new Case(0, new byte[0], List.of(), List.of(), List.of(), rows, true).concept();
        IdentifierRef ref = IdentifierRef.parse("thing.code");
        return new JsonBodyRules(paths, paths.stream().map(p -> new CompiledRule(ref, concept, "a", "b", null)).toList(), "body");
    }

    @Test
    void skipsExactlyWhatJacksonSkipsAndRefusesWhatItRefuses() {
        System.out.println("SkipperDifferentialTests seed " + SEED + " (rerun with -Dfuzz.seed=" + SEED + "), " + CASES + " cases");
        for (int i = 0; i < CASES; i++) {
            long seed = SEED + i * BodyTranslatorDifferentialTests.SPREAD;
            NastyJson generator = new NastyJson(new Random(seed));
            byte[] valid = generator.container();
            for (byte[] bytes : List.of(valid, generator.malformed(valid), generator.malformed(valid))) {
                sameAsJackson(bytes, seed);
            }
        }
    }

    @Test
    void theEngineRefusesWhatJacksonRefusesInsideWhatItSkips() {
        for (int i = 0; i < CASES; i++) {
            long seed = SEED + i * BodyTranslatorDifferentialTests.SPREAD;
            NastyJson generator = new NastyJson(new Random(seed));
            byte[] skipped = generator.container();
            byte[] element = generator.container();
            for (int variant = 0; variant < 3; variant++) {
                // no 0xFF here: a change may end the skipped value early and leave the rest to the walk's
                // long-lived parser factory, which may take a name holding 0xFF for another (see jackson())
                byte[] a = variant == 1 ? generator.malformed(skipped, false) : skipped;
                byte[] b = variant == 2 ? generator.malformed(element, false) : element;
                String document = "{\"keep\":{\"code\":\"k1\"}," + generator.space() + "\"skip\":" + generator.space()
                        + new String(a, UTF_8) + ",\"list\":[" + new String(b, UTF_8) + generator.space() + ",{\"code\":\"k2\"}]}";
                sameRefusalAsJackson(document.getBytes(UTF_8), seed);
            }
        }
    }

    /** Reading a container whole: Jackson's skipChildren and the skipping parser agree on refusal and on where it ends. */
    private static void sameAsJackson(byte[] bytes, long seed) {
        // 0xFF is never UTF-8, so such a document is malformed: refused. Jackson agrees but for a member
        // name of one short name's length once it has seen that name, even earlier in the same document
        // (its symbol table pads names with 0xFF; JsonSkipper's comment): there Jackson is not the oracle.
        Object expected = indexOf(bytes, (byte) 0xFF) >= 0 ? "refused" : read(jackson(), bytes, false);
        Object actual = read(SKIPPING, bytes, true);
        String shown = new String(bytes, UTF_8);
        assertThat(actual).as("seed %d (rerun with -Dfuzz.seed=%d -Dfuzz.cases=1): %s\n  hex %s", seed, seed,
                shown.length() > 2_000 ? shown.substring(0, 2_000) + "..." : shown,
                bytes.length > 1_000 ? "(long)" : HexFormat.of().formatHex(bytes)).isEqualTo(expected);
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** {@code "refused"}, or the byte offset just past the skipped container; the input must end after it. */
    private static Object read(JsonFactory factory, byte[] bytes, boolean skipping) {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return "refused";
            }
            if (skipping) {
                ((SkippingJsonParser) parser).skipContainer();
            } else {
                parser.skipChildren();
            }
            long end = parser.currentLocation().getByteOffset();
            return parser.nextToken() == null ? end : "refused";
        } catch (JacksonException | MalformedJsonException e) {
            return "refused";
        }
    }

    private static void sameRefusalAsJackson(byte[] document, long seed) {
        boolean refusedByJackson = "refused".equals(read(jackson(), document, false));
        String message = "seed " + seed + " (rerun with -Dfuzz.seed=" + seed + " -Dfuzz.cases=1): " + new String(document, UTF_8);
        try {
            BodyTranslation translation = AROUND.translate(document);
            assertThat(refusedByJackson).as("Jackson refuses what the engine accepted; " + message).isFalse();
            assertThat(translation.translated()).as(message).isEqualTo(2);
            String expected = new String(document, UTF_8).replace("{\"code\":\"k1\"}", "{\"code\":\"t1\"}")
                    .replace("{\"code\":\"k2\"}]}", "{\"code\":\"t2\"}]}");
            assertThat(new String(translation.body(), UTF_8)).as(message).isEqualTo(expected);
        } catch (MalformedJsonException e) {
            assertThat(refusedByJackson).as("the engine refused (" + e.getMessage() + ") what Jackson accepts; " + message).isTrue();
        }
    }

    /** Random JSON made to trip a byte scan, and malformed variants of it. */
    static final class NastyJson {
        private static final String[] PIECES = {"\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u0022", "\\u005C",
            "\\u005c", "\\u00e9", "\\uD83D\\uDE00", "\\uD800", "\\udfff", "{", "}", "[", "]", ":", ",", " ", "\t", "é", "€", "😀",
            "\u007f", "\\\\\\\"", "\\\\u0022", "'", "/", "*", "#", "a", "Z", "0", "true", "null",
            "a plain run of text, longer than a word", "0123456789abcdef"};
        private static final String[] NUMBERS = {"0", "-0", "1", "-1", "12.5", "0.1000000000000000055511", "1e5", "1E+2",
            "-3.25e-10", "9223372036854775808", "123456789012345678901234567890", "0e0", "-0.0E-0"};
        private static final String SPACE = " \t\n\r";
        private static final byte[] BAD = {'{', '}', '[', ']', ':', ',', '"', '\\', '\'', '/', '#', '+', '.', '0', '-', 'e',
            'u', 'x', 't', 'n', ' ', '\n', 0, 0x1f, 0x7f, (byte) 0x80, (byte) 0xbf, (byte) 0xa0, (byte) 0xc3, (byte) 0xe2, (byte) 0xed, (byte) 0xf0,
            (byte) 0xf8, (byte) 0xfe, (byte) 0xff};

        private final Random random;

        NastyJson(Random random) {
            this.random = random;
        }

        byte[] container() {
            StringBuilder out = new StringBuilder();
            int shape = random.nextInt(100);
            if (shape == 0) {
                deep(out, JsonLimits.MAX_NESTING_DEPTH - 4 + random.nextInt(8));
            } else if (shape == 1) {
                out.append('[').append(longNumber(StreamReadConstraintsLimit.NUMBER - 2 + random.nextInt(4))).append(']');
            } else if (shape == 2) {
                out.append("{\"").append("n".repeat(StreamReadConstraintsLimit.NAME - 1 + random.nextInt(3))).append("\":1}");
            } else {
                container(out, 0);
            }
            return out.toString().getBytes(UTF_8);
        }

        /** Nested arrays and objects {@code levels} deep; inside the engine's wrapper they sit one or two deeper. */
        private void deep(StringBuilder out, int levels) {
            StringBuilder close = new StringBuilder();
            for (int i = 0; i < levels; i++) {
                if (random.nextBoolean()) {
                    out.append('[');
                    close.append(']');
                } else {
                    out.append("{\"d\":");
                    close.append('}');
                }
                if (i == levels - 1) {
                    out.append(close.charAt(close.length() - 1) == ']' ? "1" : "2");
                }
            }
            out.append(close.reverse());
        }

        private void container(StringBuilder out, int depth) {
            boolean object = random.nextBoolean();
            out.append(object ? '{' : '[');
            int count = random.nextInt(depth > 4 ? 2 : 5);
            for (int i = 0; i < count; i++) {
                out.append(i == 0 ? "" : ",").append(space());
                if (object) {
                    out.append(string()).append(space()).append(':').append(space());
                }
                value(out, depth + 1);
                out.append(space());
            }
            if (count == 0) {
                out.append(space());
            }
            out.append(object ? '}' : ']');
        }

        private void value(StringBuilder out, int depth) {
            switch (random.nextInt(depth > 6 ? 5 : 8)) {
                case 0, 1 -> out.append(string());
                case 2 -> out.append(random.nextInt(10) == 0 ? longNumber(1 + random.nextInt(60)) : NUMBERS[random.nextInt(NUMBERS.length)]);
                case 3 -> out.append(random.nextBoolean() ? "true" : random.nextBoolean() ? "false" : "null");
                case 4 -> out.append(string());
                default -> container(out, depth);
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder("\"");
            for (int n = random.nextInt(6); n > 0; n--) {
                out.append(PIECES[random.nextInt(PIECES.length)]);
            }
            return out.append('"').toString();
        }

        /** A number with {@code digits} digits in all, split at random between integer part, fraction and exponent. */
        private String longNumber(int digits) {
            int exponent = random.nextInt(3) == 0 ? 1 + random.nextInt(Math.min(3, digits)) : 0;
            int fraction = digits - exponent > 1 && random.nextBoolean() ? random.nextInt(digits - exponent - 1) + 1 : 0;
            int integer = digits - exponent - fraction;
            StringBuilder out = new StringBuilder(random.nextBoolean() ? "-" : "");
            out.append(1 + random.nextInt(9));
            for (int i = 1; i < integer; i++) {
                out.append(random.nextInt(10));
            }
            if (fraction > 0) {
                out.append('.');
                for (int i = 0; i < fraction; i++) {
                    out.append(random.nextInt(10));
                }
            }
            if (exponent > 0) {
                out.append(random.nextBoolean() ? 'e' : 'E').append(random.nextBoolean() ? "" : random.nextBoolean() ? "+" : "-");
                for (int i = 0; i < exponent; i++) {
                    out.append(random.nextInt(10));
                }
            }
            return out.toString();
        }

        String space() {
            StringBuilder out = new StringBuilder();
            for (int n = random.nextInt(4) == 0 ? random.nextInt(4) : 0; n > 0; n--) {
                out.append(SPACE.charAt(random.nextInt(SPACE.length())));
            }
            return out.toString();
        }

        /** The bytes broken one way or another (most ways always break them; a changed byte now and then does not). */
        byte[] malformed(byte[] valid) {
            return malformed(valid, true);
        }

        byte[] malformed(byte[] valid, boolean withFF) {
            int at = random.nextInt(valid.length + 1);
            byte bad = BAD[random.nextInt(BAD.length - (withFF ? 0 : 1))];
            return switch (random.nextInt(6)) {
                case 0 -> Arrays.copyOf(valid, Math.min(at, valid.length - 1));
                case 1 -> {
                    byte[] changed = valid.clone();
                    changed[Math.min(at, valid.length - 1)] = bad;
                    yield changed;
                }
                case 2 -> {
                    byte[] longer = new byte[valid.length + 1];
                    System.arraycopy(valid, 0, longer, 0, at);
                    longer[at] = bad;
                    System.arraycopy(valid, at, longer, at + 1, valid.length - at);
                    yield longer;
                }
                case 3 -> {
                    int cut = Math.min(at, valid.length - 1);
                    byte[] shorter = new byte[valid.length - 1];
                    System.arraycopy(valid, 0, shorter, 0, cut);
                    System.arraycopy(valid, cut + 1, shorter, cut, valid.length - cut - 1);
                    yield shorter;
                }
                case 4 -> new String(valid, UTF_8).replaceFirst("([}\\]])$", ",$1").getBytes(UTF_8);
                default -> new String(valid, UTF_8).replaceFirst("([:\\[,])(-?)([1-9])", "$1$20$3").getBytes(UTF_8);
            };
        }
    }

    /** Jackson's default limits the walk keeps (its factory sets only the nesting depth). */
    private static final class StreamReadConstraintsLimit {
        static final int NUMBER = StreamReadConstraints.DEFAULT_MAX_NUM_LEN;
        static final int NAME = StreamReadConstraints.DEFAULT_MAX_NAME_LEN;
    }
}
