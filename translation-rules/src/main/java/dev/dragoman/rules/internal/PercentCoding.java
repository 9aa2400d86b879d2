package dev.dragoman.rules.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of path segments and query components (RFC 3986). Written here because the
 * JDK's URLEncoder/URLDecoder implement HTML forms ('+' for space) everywhere, which is wrong
 * in a path, and this module stays free of Spring's UriUtils.
 */
public final class PercentCoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentCoding() {
    }

    /** A path segment's text: {@code %XX} decoded as UTF-8, a malformed escape kept as it is, '+' is a plus. */
    public static String decode(String segment) {
        return decode(segment, false);
    }

    /**
     * A query name's or value's text. '+' is a space here, as servers read queries
     * (application/x-www-form-urlencoded, the WHATWG URL standard): an upstream reads
     * {@code grand+jeu} as {@code grand jeu}, so the gateway must look up the same.
     */
    public static String decodeQuery(String component) {
        return decode(component, true);
    }

    private static String decode(String text, boolean plusIsSpace) {
        if (text.indexOf('%') < 0 && (!plusIsSpace || text.indexOf('+') < 0)) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A path segment: everything but the unreserved characters and the sub-delimiters a segment may hold is escaped ('/' too). */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (isUnreserved(c) || c == '@' || c == ':' || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')'
                    || c == '*' || c == '+' || c == ',' || c == '=') {
                out.append(c);
            } else {
                escape(out, b);
            }
        }
        return out.toString();
    }

    /**
     * A query name or value in its canonical form: only the unreserved characters stay as they
     * are, so that no server reads a '+', '&amp;', '=' or ';' of the value as syntax.
     */
    public static String encodeQuery(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (isUnreserved(c)) {
                out.append(c);
            } else {
                escape(out, b);
            }
        }
        return out.toString();
    }

    private static void escape(StringBuilder out, byte b) {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
    }

    private static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }
}
