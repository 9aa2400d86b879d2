package dev.dragoman.gateway.filter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;

/**
 * Decodes a compressed body so that it can be translated: an unaware filter would skip a gzip
 * body and hand foreign identifiers on (DESIGN.md). The JDK's own inflaters do the work; the
 * limit applies to the decoded size, so a small bomb cannot blow up. A {@code Content-Encoding}
 * may list several codings, applied in order ({@code gzip, gzip}); they are undone in reverse.
 */
final class ContentCodings {

    private ContentCodings() {
    }

    /** Every coding of the message, as one comma-separated text, or null when it has none. */
    static String of(HttpHeaders headers) {
        List<String> values = headers.get(HttpHeaders.CONTENT_ENCODING);
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }

    /** Whether {@code coding} (one coding or a list) is absent, identity, or only codings this gateway decodes. */
    static boolean decodable(String coding) {
        return undecodable(coding) == null;
    }

    /** The first coding of the list that this gateway cannot decode, or null. */
    static String undecodable(String coding) {
        for (String one : codings(coding)) {
            switch (one) {
                case "identity", "gzip", "x-gzip", "deflate" -> { }
                default -> {
                    return one;
                }
            }
        }
        return null;
    }

    /** Whether the list holds any coding that changes the bytes. */
    static boolean encoded(String coding) {
        return codings(coding).stream().anyMatch(c -> !c.equals("identity"));
    }

    private static List<String> codings(String coding) {
        List<String> codings = new ArrayList<>();
        if (coding != null) {
            for (String one : coding.split(",")) {
                String name = one.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    codings.add(name);
                }
            }
        }
        return codings;
    }

    /** The decoded body, or empty for an undecodable coding. */
    static Optional<byte[]> decode(String coding, byte[] body, long limit) throws IOException {
        if (!decodable(coding)) {
            return Optional.empty();
        }
        List<String> codings = codings(coding);
        byte[] bytes = body;
        for (int i = codings.size() - 1; i >= 0; i--) {
            bytes = switch (codings.get(i)) {
                case "gzip", "x-gzip" -> readAll(new GZIPInputStream(new ByteArrayInputStream(bytes)), limit);
                case "deflate" -> inflate(bytes, limit);
                default -> bytes;
            };
        }
        return Optional.of(bytes);
    }

    /**
     * HTTP's deflate is the zlib format (RFC 9110 section 8.4.1.2), but some senders use raw
     * deflate; a zlib stream starts with a header whose first two bytes are a multiple of 31.
     */
    private static byte[] inflate(byte[] bytes, long limit) throws IOException {
        boolean zlib = bytes.length >= 2 && (bytes[0] & 0x0f) == 8 && ((bytes[0] & 0xff) << 8 | (bytes[1] & 0xff)) % 31 == 0;
        Inflater inflater = new Inflater(!zlib);
        try {
            return readAll(new InflaterInputStream(new ByteArrayInputStream(bytes), inflater), limit);
        } finally {
            inflater.end();
        }
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
