package dev.dragoman.rules;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bodies the engine must refuse clearly or bound: other encodings, deep nesting, floods of unknown values. */
class BodyInputTests {

    private final DirectionTranslator request = TestMaps.games().route("web-support-to-game-dept").orElseThrow().request();
    private final DirectionTranslator response = TestMaps.games().route("web-support-to-game-dept").orElseThrow().response();

    private static final String DOCUMENT = "{\"game\":{\"code\":1,\"name\":\"mob_game_x\"}}";

    static Stream<Arguments> otherEncodings() {
        return Stream.of(
                Arguments.of("UTF-16LE", new byte[0]),
                Arguments.of("UTF-16BE", new byte[0]),
                Arguments.of("UTF-16LE", new byte[] {(byte) 0xFF, (byte) 0xFE}),
                Arguments.of("UTF-16BE", new byte[] {(byte) 0xFE, (byte) 0xFF}),
                Arguments.of("UTF-32LE", new byte[0]),
                Arguments.of("UTF-32BE", new byte[0]),
                Arguments.of("UTF-32LE", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}),
                Arguments.of("UTF-32BE", new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}));
    }

    @ParameterizedTest
    @MethodSource("otherEncodings")
    void refusesJsonInAnotherEncodingNamingIt(String encoding, byte[] bom) {
        byte[] text = DOCUMENT.getBytes(Charset.forName(encoding));
        byte[] body = ByteBuffer.allocate(bom.length + text.length).put(bom).put(text).array();
        assertThatThrownBy(() -> request.body(body))
                .isInstanceOf(UnsupportedJsonEncodingException.class)
                .hasMessageContaining(encoding).hasMessageContaining("UTF-8")
                .satisfies(e -> assertThat(((UnsupportedJsonEncodingException) e).encoding()).isEqualTo(encoding));
    }

    @Test
    void refusesAShortUtf16DocumentToo() {
        assertThatThrownBy(() -> request.body("1".getBytes(Charset.forName("UTF-16LE"))))
                .isInstanceOf(UnsupportedJsonEncodingException.class);
    }

    @Test
    void acceptsAndKeepsAUtf8ByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = DOCUMENT.getBytes(UTF_8);
        byte[] body = ByteBuffer.allocate(bom.length + text.length).put(bom).put(text).array();
        BodyTranslation result = request.body(body);
        assertThat(result.complete()).isTrue();
        assertThat(result.body()).startsWith(bom);
        assertThat(new String(result.body(), 3, result.body().length - 3, UTF_8)).isEqualTo("{\"game\":{\"code\":1001,\"name\":\"mgame_x\"}}");
    }

    @Test
    void refusesAStringNeverClosedAsMalformed() {
        // Jackson reads a string's contents lazily: the walk must not look for its end first
        assertThatThrownBy(() -> request.body("{\"gameNames\":[\"mob_game_x\",null,\"x,]".getBytes(UTF_8)))
                .isExactlyInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> request.body("{\"gameNames\":\"a\rb\"}".getBytes(UTF_8)))
                .isExactlyInstanceOf(MalformedJsonException.class);
    }

    @Test
    void refusesNestingPastTheLimitNamingIt() {
        int limit = JsonLimits.MAX_NESTING_DEPTH;
        String atTheLimit = "[".repeat(limit - 1) + "{\"gameNames\":\"mob_game_x\"}" + "]".repeat(limit - 1);
        assertThat(request.body(atTheLimit.getBytes(UTF_8)).body()).asString(UTF_8).contains("\"gameNames\":\"mgame_x\"");
        String deeper = "[" + atTheLimit + "]";
        assertThatThrownBy(() -> request.body(deeper.getBytes(UTF_8)))
                .isExactlyInstanceOf(MalformedJsonException.class)
                .hasMessage("the JSON nests deeper than 500 levels, the most this gateway reads: flatten it");
        String skipped = "{\"other\":" + "[".repeat(limit) + "]".repeat(limit) + "}";
        assertThatThrownBy(() -> request.body(skipped.getBytes(UTF_8)))
                .as("a subtree no rule reaches is skipped, but not past the limit")
                .isExactlyInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("500 levels");
    }

    @Test
    void listsTheFirstUnknownValuesAndCountsTheRest() {
        int count = 666_667;
        StringBuilder json = new StringBuilder(count * 15).append("{\"codes\":[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append(90_000_000 + i).append("      ");
        }
        byte[] body = json.append("]}").toString().getBytes(UTF_8);
        assertThat(body.length).isGreaterThan(10_000_000);

        BodyTranslation result = response.body(body);

        assertThat(result.unresolvedCount()).isEqualTo(count);
        assertThat(result.unresolved()).hasSize(Unresolved.REPORTED_LIMIT);
        assertThat(result.unresolved().get(0).location()).isEqualTo("body $.codes[0]");
        assertThat(result.unresolved().get(99).location()).isEqualTo("body $.codes[99]");
        assertThat(result.unresolved().get(99).value()).isEqualTo("90000099");
        assertThat(result.complete()).isFalse();
        assertThat(result.body()).isSameAs(body);
    }
}
