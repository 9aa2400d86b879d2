package dev.dragoman.rules.internal;

import dev.dragoman.rules.JsonEncoding;
import dev.dragoman.rules.UnsupportedJsonEncodingException;

/**
 * Refuses JSON in another Unicode encoding than UTF-8 ({@link JsonEncoding} tells which), so
 * nothing the engine lets through is read by Jackson as anything but UTF-8, whose byte offsets
 * the walk splices by.
 */
final class JsonEncodings {

    private JsonEncodings() {
    }

    /**
     * @throws UnsupportedJsonEncodingException when the bytes are JSON in an encoding other
     *     than UTF-8 (a UTF-8 byte order mark is fine)
     */
    static void requireUtf8(byte[] json) {
        String encoding = JsonEncoding.otherThanUtf8(json);
        if (encoding != null) {
            throw new UnsupportedJsonEncodingException(encoding, "the JSON is encoded in " + encoding
                    + ", and this gateway reads JSON in UTF-8 only (RFC 8259 section 8.1): send it in UTF-8");
        }
    }
}
