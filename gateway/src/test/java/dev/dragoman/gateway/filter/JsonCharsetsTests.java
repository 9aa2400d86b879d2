package dev.dragoman.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonCharsetsTests {

    @Test
    void utf8SpelledAnyWayIsUtf8() {
        assertThat(JsonCharsets.declaredOtherThanUtf8("application/json; charset=UTF-8")).isNull();
        assertThat(JsonCharsets.declaredOtherThanUtf8("application/x+json;charset=\"utf8\"")).isNull();
        assertThat(JsonCharsets.declaredOtherThanUtf8("application/json")).isNull();
    }

    @Test
    void anyOtherDeclaredCharsetIsNamed_evenOneTheJdkDoesNotKnow() {
        assertThat(JsonCharsets.declaredOtherThanUtf8("application/json;charset=utf-16")).isEqualTo("utf-16");
        assertThat(JsonCharsets.declaredOtherThanUtf8("application/json;charset=x-klingon")).isEqualTo("x-klingon");
    }

    @Test
    void detectsUtf16And32ByByteOrderMarkOrNullBytes() {
        assertThat(JsonCharsets.detectedOtherThanUtf8("{}".getBytes(StandardCharsets.UTF_16))).isEqualTo("UTF-16BE");
        assertThat(JsonCharsets.detectedOtherThanUtf8("{}".getBytes(StandardCharsets.UTF_16LE))).isEqualTo("UTF-16LE");
        assertThat(JsonCharsets.detectedOtherThanUtf8("{}".getBytes(StandardCharsets.UTF_16BE))).isEqualTo("UTF-16BE");
        assertThat(JsonCharsets.detectedOtherThanUtf8("{}".getBytes(Charset.forName("UTF-32LE")))).isEqualTo("UTF-32LE");
        assertThat(JsonCharsets.detectedOtherThanUtf8("{}".getBytes(Charset.forName("UTF-32BE")))).isEqualTo("UTF-32BE");
        assertThat(JsonCharsets.detectedOtherThanUtf8(new byte[] {(byte) 0xff, (byte) 0xfe, '{', 0})).isEqualTo("UTF-16LE");
    }

    @Test
    void utf8JsonIsNotMistaken_evenShortOrWithAByteOrderMark() {
        assertThat(JsonCharsets.detectedOtherThanUtf8("{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(JsonCharsets.detectedOtherThanUtf8("1".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(JsonCharsets.detectedOtherThanUtf8(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '1'})).isNull();
    }
}
