package dev.dragoman.gateway.filter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.springframework.core.io.buffer.DataBufferLimitException;

/**
 * Decodes a compressed upstream response so that it can be translated: an unaware filter would
 * skip a gzip body and hand foreign identifiers to the caller (DESIGN.md). The JDK's own
 * inflaters do the work; the limit applies to the decoded size, so a small bomb cannot blow up.
 */
final class ContentCodings {

    /** The codings this gateway can decode, offered upstream in place of whatever the caller offered. */
    static final String DECODABLE = "gzip, deflate";

    private ContentCodings() {
    }

    static boolean decodable(String coding) {
        return coding == null || switch (coding.trim().toLowerCase(Locale.ROOT)) {
            case "", "identity", "gzip", "x-gzip", "deflate" -> true;
            default -> false;
        };
    }

    /** The decoded body, or empty for an undecodable coding. */
    static Optional<byte[]> decode(String coding, byte[] body, long limit) throws IOException {
        if (coding == null) {
            return Optional.of(body);
        }
        return switch (coding.trim().toLowerCase(Locale.ROOT)) {
            case "", "identity" -> Optional.of(body);
            case "gzip", "x-gzip" -> Optional.of(readAll(new GZIPInputStream(new ByteArrayInputStream(body)), limit));
            case "deflate" -> Optional.of(readAll(new InflaterInputStream(new ByteArrayInputStream(body)), limit));
            default -> Optional.empty();
        };
    }

    private static byte[] readAll(InputStream in, long limit) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                if (out.size() + n > limit) {
                    throw new DataBufferLimitException("the decoded body exceeds " + limit + " bytes");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        }
    }
}
