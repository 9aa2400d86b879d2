package dev.dragoman.gateway.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A re-sent copy's expirytime is spliced in: only the top-level member changes, the data stays byte for byte. */
class ExpiryTimesTests {

    static final Instant NEW = Instant.parse("2030-01-01T12:00:00Z");

    @Test
    void replacesTheTopLevelExpirytime_andNothingElse() {
        String copy = "{\"specversion\":\"1.0\",\"data\":{\"expirytime\":\"keep\",\"n\":0.1000000000000000055511, \"s\":\"caf\u00e9\"},"
                + "\"expirytime\":\"2026-01-01T00:00:00Z\",\"deadline\":\"2026-01-01T00:00:00Z\"}";
        assertThat(text(ExpiryTimes.withExpiry(bytes(copy), NEW))).isEqualTo(copy.replace(
                "\"expirytime\":\"2026-01-01T00:00:00Z\"", "\"expirytime\":\"2030-01-01T12:00:00Z\""));
    }

    @Test
    void addsOneWhenTheCopyHasNone() {
        assertThat(text(ExpiryTimes.withExpiry(bytes(" {\"id\":\"a\"}"), NEW))).isEqualTo(" {\"expirytime\":\"2030-01-01T12:00:00Z\",\"id\":\"a\"}");
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
