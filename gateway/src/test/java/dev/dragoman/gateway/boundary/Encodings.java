package dev.dragoman.gateway.boundary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** The encodings the fuzzer writes and reads: percent-encoding, content codings, charsets. */
final class Encodings {

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    /** Sub-delimiters a path segment may hold raw (RFC 3986 3.3); ';' left out, which servers read as matrix parameters. */
    private static final String RAW_IN_SEGMENT = "!$&'()*+,=:@";

    private Encodings() {
    }

    /**
     * A path segment percent-encoded as some client might: unreserved characters raw or, now and
     * then, encoded too; legal sub-delimiters sometimes raw; hex digits in either case.
     */
    static String segment(String value, Random random) {
        boolean lower = random.nextInt(4) == 0;
        boolean encodeUnreserved = random.nextInt(6) == 0;
        boolean rawSubDelims = random.nextInt(3) == 0;
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean unreserved = b >= 0 && UNRESERVED.indexOf(c) >= 0;
            if ((unreserved && !(encodeUnreserved && random.nextInt(3) == 0)) || (rawSubDelims && b >= 0 && RAW_IN_SEGMENT.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append(String.format(lower ? "%%%02x" : "%%%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** A query name or value: percent-encoded, a space sometimes written '+' as forms do. */
    static String queryPart(String value, Random random) {
        boolean plusForSpace = random.nextBoolean();
        boolean lower = random.nextInt(4) == 0;
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (b >= 0 && UNRESERVED.indexOf(c) >= 0) {
                out.append(c);
            } else if (c == ' ' && plusForSpace) {
                out.append('+');
            } else {
                out.append(String.format(lower ? "%%%02x" : "%%%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** A name with one of its letters percent-encoded: {@code gameCod%65}. */
    static String oneLetterEncoded(String name, Random random) {
        int at = random.nextInt(name.length());
        return name.substring(0, at) + String.format(random.nextBoolean() ? "%%%02x" : "%%%02X", (int) name.charAt(at)) + name.substring(at + 1);
    }

    /** Percent-decoding of a path segment (no '+' rule); null when the escapes are not UTF-8. */
    static String decodeSegment(String raw) {
        return decode(raw, false);
    }

    /** Form decoding of a query name or value: '+' is a space, as every form reader has it. */
    static String decodeQuery(String raw) {
        return decode(raw, true);
    }

    private static String decode(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return strict(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** Decodes strictly: null when the bytes are not text in that charset. */
    static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * A JSON body's text: in its declared charset, else as RFC 4627 section 3 detects it from a
     * BOM or the pattern of zero bytes; null when it is not text in that charset.
     */
    static String jsonText(byte[] body, String contentType) {
        String declared = charsetParameter(contentType);
        if (declared != null) {
            try {
                String text = strict(body, Charset.forName(declared));
                return text != null && text.startsWith("\uFEFF") ? text.substring(1) : text;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0xfe && (body[1] & 0xff) == 0xff) {
            return strict(java.util.Arrays.copyOfRange(body, 2, body.length), StandardCharsets.UTF_16BE);
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xfe) {
            return strict(java.util.Arrays.copyOfRange(body, 2, body.length), StandardCharsets.UTF_16LE);
        }
        if (body.length >= 2 && body[0] == 0 && body[1] != 0) {
            return strict(body, StandardCharsets.UTF_16BE);
        }
        if (body.length >= 2 && body[0] != 0 && body[1] == 0) {
            return strict(body, StandardCharsets.UTF_16LE);
        }
        String text = strict(body, StandardCharsets.UTF_8);
        return text != null && text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static String charsetParameter(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring(8).replace("\"", "").trim();
            }
        }
        return null;
    }

    /** JSON as SPEC section 2 has it: application/json or any +json type, whatever the case and parameters. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    static byte[] gzip(byte[] body) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(body);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HTTP's deflate: the zlib format (RFC 9110 8.4.1.2). */
    static byte[] deflate(byte[] body) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
                deflate.write(body);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A valid brotli stream (RFC 7932) made of uncompressed meta-blocks. Written by hand because
     * no brotli encoder is on the test classpath, and stored blocks take twenty lines: a window
     * of 2^16, then per block ISLAST=0, four nibbles of length, ISUNCOMPRESSED=1, the raw bytes
     * byte-aligned; then an empty last block.
     */
    static byte[] brotli(byte[] body) {
        Bits bits = new Bits();
        bits.write(0, 1);
        for (int at = 0; at < body.length; at += 65536) {
            int length = Math.min(65536, body.length - at);
            bits.write(0, 1);
            bits.write(0, 2);
            bits.write(length - 1, 16);
            bits.write(1, 1);
            bits.align();
            bits.out.write(body, at, length);
        }
        bits.write(1, 1);
        bits.write(1, 1);
        bits.align();
        return bits.out.toByteArray();
    }

    private static final class Bits {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        int current;
        int count;

        void write(int value, int n) {
            for (int i = 0; i < n; i++) {
                current |= ((value >> i) & 1) << count;
                if (++count == 8) {
                    align();
                }
            }
        }

        void align() {
            if (count > 0) {
                out.write(current);
                current = 0;
                count = 0;
            }
        }
    }
}
