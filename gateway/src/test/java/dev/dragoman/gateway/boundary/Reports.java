package dev.dragoman.gateway.boundary;

import java.nio.charset.StandardCharsets;

/** Bytes shown to a person reading a failure: text as text, everything else escaped, long ones cut. */
final class Reports {

    private Reports() {
    }

    static String printable(byte[] bytes, int limit) {
        if (bytes == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        String text = new String(bytes, StandardCharsets.UTF_8);
        boolean utf8 = java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes);
        if (utf8) {
            text.codePoints().forEach(cp -> {
                if (cp == '\r') {
                    out.append("\\r");
                } else if (cp == '\n') {
                    out.append("\\n\n");
                } else if (cp < 0x20 || cp == 0x7f) {
                    out.append(String.format("\\x%02x", cp));
                } else {
                    out.appendCodePoint(cp);
                }
            });
        } else {
            for (byte b : bytes) {
                int c = b & 0xff;
                if (c == '\n') {
                    out.append("\\n\n");
                } else if (c >= 0x20 && c < 0x7f) {
                    out.append((char) c);
                } else {
                    out.append(String.format("\\x%02x", c));
                }
            }
        }
        return out.length() > limit ? out.substring(0, limit) + "... (" + bytes.length + " bytes)" : out.toString();
    }
}
