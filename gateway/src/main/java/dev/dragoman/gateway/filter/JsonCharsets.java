package dev.dragoman.gateway.filter;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;

/**
 * JSON bodies are translated only in UTF-8 (RFC 8259 section 8.1): the engine splices byte
 * offsets, which are not character offsets in UTF-16 or UTF-32, so such a body is refused,
 * never corrupted. The engine detects the other encodings too; checking here first keeps the
 * answer the same whichever part sees it.
 */
final class JsonCharsets {

    private JsonCharsets() {
    }

    /**
     * The charset a {@code Content-Type} value declares when it is not UTF-8
     * ({@code ; charset=utf-16}), or null. Read from the text, so that a charset unknown to the
     * JDK is named too rather than failing the parse.
     */
    static String declaredOtherThanUtf8(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            if (equals < 0 || !parameter.substring(0, equals).strip().equalsIgnoreCase("charset")) {
                continue;
            }
            String name = parameter.substring(equals + 1).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            try {
                return Charset.isSupported(name) && Charset.forName(name).equals(StandardCharsets.UTF_8) ? null : name;
            } catch (IllegalCharsetNameException e) {
                return name;
            }
        }
        return null;
    }
}
