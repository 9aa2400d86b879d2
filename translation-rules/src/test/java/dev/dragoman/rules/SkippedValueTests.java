package dev.dragoman.rules;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values no rule can reach are stepped over without being tokenized (the response rules here
 * are {@code $.code}, {@code $.name}, {@code $.related[*].code} and {@code $['codes']}, so
 * {@code meta} and {@code list} are skipped): what is around them is still translated, their
 * bytes come out as they came, and malformed JSON inside them is still refused.
 */
class SkippedValueTests {

    private final DirectionTranslator response = TestMaps.games().route("web-support-to-game-dept").orElseThrow().response();

    @Test
    void translatesAroundSkippedValuesAndKeepsTheirBytes() {
        String skipped = "{\"s\":\"}]\\\"{[\\\\\",\"u\":\"\\u005d\\u0022\u00e9\u20ac\uD83D\uDE00\","
                + " \"n\" :\t[1, -0.1000000000000000055511e-3,{\"x\":\"\\\\\"},[],{}],\r\n\"b\":[true,false,null]}";
        String body = "{\"meta\":" + skipped + ",\"code\":1001,\"list\":[" + skipped + "],\"related\":[{\"code\":1001,\"extra\":"
                + skipped + "}]}";
        BodyTranslation result = response.body(body.getBytes(UTF_8));
        assertThat(result.complete()).isTrue();
        assertThat(result.translated()).isEqualTo(2);
        assertThat(new String(result.body(), UTF_8)).isEqualTo(body.replace("\"code\":1001", "\"code\":1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"meta\":{\"a\":[1,2,]},\"code\":1001}",
        "{\"meta\":{\"a\":\"tab\there\"},\"code\":1001}",
        "{\"meta\":{\"a\":\"\\x\"},\"code\":1001}",
        "{\"meta\":{\"a\":\"\\u12g4\"},\"code\":1001}",
        "{\"meta\":{\"a\":01},\"code\":1001}",
        "{\"meta\":{\"a\":1.},\"code\":1001}",
        "{\"meta\":{\"a\":tru},\"code\":1001}",
        "{\"meta\":{\"a\" 1},\"code\":1001}",
        "{\"meta\":{'a':1},\"code\":1001}",
        "{\"meta\":{\"a\":1}/*c*/,\"code\":1001}",
        "{\"meta\":{\"a\":[1}],\"code\":1001}",
        "{\"meta\":{\"\\udc00\":1},\"code\":1001}",
        "{\"meta\":{\"a\":[\"never closed]}"})
    void refusesMalformedJsonWhereNoRuleLooks(String body) {
        assertThatThrownBy(() -> response.body(body.getBytes(UTF_8))).isExactlyInstanceOf(MalformedJsonException.class);
    }

    @Test
    void refusesBytesThatAreNotUtf8InsideASkippedString() {
        byte[] body = "{\"meta\":{\"a\":\"caf\u00e9\"},\"code\":1001}".getBytes(UTF_8);
        body[body.length - 17] = (byte) 0x41; // the second byte of é: its lead byte is left without a continuation
        assertThatThrownBy(() -> response.body(body)).isExactlyInstanceOf(MalformedJsonException.class);
    }

    @Test
    void refusesNestingPastTheLimitInsideASkippedValueNamingIt() {
        int limit = JsonLimits.MAX_NESTING_DEPTH;
        String atTheLimit = "{\"code\":1001,\"meta\":" + "[".repeat(limit - 1) + "]".repeat(limit - 1) + "}";
        assertThat(response.body(atTheLimit.getBytes(UTF_8)).translated()).isEqualTo(1);
        String deeper = "{\"code\":1001,\"meta\":" + "[".repeat(limit) + "]".repeat(limit) + "}";
        assertThatThrownBy(() -> response.body(deeper.getBytes(UTF_8)))
                .isExactlyInstanceOf(MalformedJsonException.class)
                .hasMessage("the JSON nests deeper than 500 levels, the most this gateway reads: flatten it");
    }
}
