package dev.dragoman.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** JSON in UTF-16 or UTF-32 is told by its first bytes (RFC 4627 section 3); UTF-8 is never mistaken for it. */
class JsonEncodingTests {

    @Test
    void detectsUtf16And32ByByteOrderMarkOrNullBytes() {
        assertThat(JsonEncoding.otherThanUtf8("{}".getBytes(StandardCharsets.UTF_16))).isEqualTo("UTF-16BE");
        assertThat(JsonEncoding.otherThanUtf8("{}".getBytes(StandardCharsets.UTF_16LE))).isEqualTo("UTF-16LE");
        assertThat(JsonEncoding.otherThanUtf8("{}".getBytes(StandardCharsets.UTF_16BE))).isEqualTo("UTF-16BE");
        assertThat(JsonEncoding.otherThanUtf8("{}".getBytes(Charset.forName("UTF-32LE")))).isEqualTo("UTF-32LE");
        assertThat(JsonEncoding.otherThanUtf8("{}".getBytes(Charset.forName("UTF-32BE")))).isEqualTo("UTF-32BE");
        assertThat(JsonEncoding.otherThanUtf8(new byte[] {(byte) 0xff, (byte) 0xfe, '{', 0})).isEqualTo("UTF-16LE");
    }

    @Test
    void utf8JsonIsNotMistaken_evenShortOrWithAByteOrderMark() {
        assertThat(JsonEncoding.otherThanUtf8("{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(JsonEncoding.otherThanUtf8("1".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(JsonEncoding.otherThanUtf8(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '1'})).isNull();
    }
}
