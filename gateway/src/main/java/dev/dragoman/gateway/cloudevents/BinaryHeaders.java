package dev.dragoman.gateway.cloudevents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;

/**
 * The {@code ce-} headers of a binary-mode HTTP event, decoded as the HTTP binding (section
 * 3.1.3.2) says: a double-quoted value is unquoted, then one round of percent-decoding turns
 * {@code caf%C3%A9} into {@code café}. A byte sequence that is not UTF-8 (such as the overlong
 * {@code %C0%A0}) must be rejected, and is.
 *
 * <p>Hand-written: the JDK's URLDecoder also turns {@code +} into a space and replaces invalid
 * UTF-8 instead of refusing it, and the SDK does not decode at all.
 */
final class BinaryHeaders {

    private BinaryHeaders() {
    }

    static HttpHeaders percentDecoded(HttpHeaders headers) {
        HttpHeaders decoded = new HttpHeaders();
        headers.forEach((name, values) -> {
            boolean attribute = name.toLowerCase(Locale.ROOT).startsWith("ce-");
            decoded.put(name, attribute ? values.stream().map(v -> decode(name, v)).toList() : List.copyOf(values));
        });
        return decoded;
    }

    static String decode(String name, String raw) {
        String value = unquoted(name, raw.strip());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                int high = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(value.charAt(i + 2), 16);
                if (low < 0) {
                    throw new InvalidEventException("not a valid CloudEvent: header " + name + " holds a '%' that is not followed by two"
                            + " hex digits: percent-encode the value (HTTP binding 3.1.3.2), '%' itself as %25");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c < 0x20 || c > 0x7E) {
                throw new InvalidEventException("not a valid CloudEvent: header " + name + " holds a character outside printable"
                        + " US-ASCII: percent-encode its UTF-8 bytes (HTTP binding 3.1.3.2)");
            } else {
                bytes.write(c);
            }
        }
        try {
            return Utf8.decode(bytes.toByteArray());
        } catch (CharacterCodingException e) {
            throw new InvalidEventException("not a valid CloudEvent: header " + name + " decodes to bytes that are not UTF-8:"
                    + " percent-encode the value's UTF-8 bytes (HTTP binding 3.1.3.2)", e);
        }
    }

    /** RFC 9110 section 5.6.4: a quoted-string, with its backslash escapes. */
    private static String unquoted(String name, String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                if (i + 1 >= value.length() - 1) {
                    throw new InvalidEventException("not a valid CloudEvent: header " + name + " ends its quoted value with a lone backslash");
                }
                c = value.charAt(++i);
            }
            text.append(c);
        }
        return text.toString();
    }
}
