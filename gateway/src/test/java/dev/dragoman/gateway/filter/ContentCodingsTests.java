package dev.dragoman.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferLimitException;

class ContentCodingsTests {

    @Test
    void decodesGzipAndDeflate_andPassesIdentity() throws IOException {
        byte[] json = "{\"code\":1001}".getBytes(StandardCharsets.UTF_8);

        assertThat(ContentCodings.decode("gzip", gzip(json), 1024)).contains(json);
        assertThat(ContentCodings.decode("x-gzip", gzip(json), 1024)).contains(json);
        assertThat(ContentCodings.decode("deflate", deflate(json), 1024)).contains(json);
        assertThat(ContentCodings.decode("identity", json, 1024)).contains(json);
        assertThat(ContentCodings.decode(null, json, 1024)).contains(json);
    }

    @Test
    void saysWhatItCannotDecode() throws IOException {
        assertThat(ContentCodings.decodable("br")).isFalse();
        assertThat(ContentCodings.decodable("GZIP")).isTrue();
        assertThat(ContentCodings.decode("br", new byte[] {1}, 1024)).isEmpty();
    }

    @Test
    void theLimitAppliesToTheDecodedSize_soASmallBombCannotExplode() throws IOException {
        byte[] bomb = gzip(new byte[10 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(64 * 1024);

        assertThatThrownBy(() -> ContentCodings.decode("gzip", bomb, 1024 * 1024)).isInstanceOf(DataBufferLimitException.class);
    }

    @Test
    void decodesAListOfCodingsInReverseOrder() throws IOException {
        byte[] json = "{\"code\":1001}".getBytes(StandardCharsets.UTF_8);

        assertThat(ContentCodings.decode("deflate, gzip", gzip(deflate(json)), 1024)).contains(json);
        assertThat(ContentCodings.undecodable("gzip, br")).isEqualTo("br");
        assertThat(ContentCodings.encoded("identity")).isFalse();
    }

    @Test
    void decodesRawDeflateToo_asSomeSendersWriteIt() throws IOException {
        byte[] json = "{\"code\":1001}".getBytes(StandardCharsets.UTF_8);
        java.util.zip.Deflater raw = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, raw)) {
            deflate.write(json);
        } finally {
            raw.end();
        }

        assertThat(ContentCodings.decode("deflate", out.toByteArray(), 1024)).contains(json);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
            deflate.write(bytes);
        }
        return out.toByteArray();
    }
}
