package dev.dragoman.rules.model;

import java.nio.charset.StandardCharsets;

/**
 * How a compact column keeps its texts: a text that is exactly some long's decimal form as
 * that long, any other as UTF-8 bytes. Lone surrogates, which a Java string may hold and UTF-8
 * cannot, are written as the three bytes UTF-8 would give their code unit (WTF-8), so every
 * text comes back exactly as it went in. Hashes are {@link String#hashCode()} of the text
 * whatever form it is found in (a String, the parser's chars or bytes), so a String's cached
 * hash is never wasted.
 */
final class CompactTexts {

    private CompactTexts() {
    }

    /**
     * Whether {@link Long#toString(long)} of some long gives exactly this text: no sign but a
     * minus, no leading zero, no {@code -0}. {@code 007}, {@code 1.0} or {@code 1e3} stay text.
     */
    static boolean isCanonicalLong(String text) {
        int n = text.length();
        int i = n > 0 && text.charAt(0) == '-' ? 1 : 0;
        if (n == i || n - i > 19) {
            return false;
        }
        if (text.charAt(i) == '0') {
            return n == 1;
        }
        for (int k = i; k < n; k++) {
            char c = text.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        if (n - i < 19) {
            return true;
        }
        try {
            Long.parseLong(text);
            return true;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }

    /** Bytes {@link #encode} writes for this text. */
    static int encodedLength(String text) {
        int n = text.length();
        int length = n;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    length += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    length += 2; // two chars, four bytes
                    i++;
                } else {
                    length += 2;
                }
            }
        }
        return length;
    }

    /** Whether the text holds a surrogate that is not half of a pair. */
    static boolean hasLoneSurrogate(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Writes the text's UTF-8 (lone surrogates as WTF-8) at {@code at}; returns the end. */
    static int encode(String text, byte[] out, int at) {
        int p = at;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | c >> 6);
                out[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                out[p++] = (byte) (0xF0 | cp >> 18);
                out[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[p++] = (byte) (0x80 | cp & 0x3F);
            } else {
                out[p++] = (byte) (0xE0 | c >> 12);
                out[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return p;
    }

    /** The text whose bytes {@link #encode} wrote; {@code wtf8} when lone surrogates may be among them. */
    static String decode(byte[] bytes, int from, int to, boolean wtf8) {
        if (!wtf8) {
            return new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }
        char[] out = new char[to - from];
        int n = 0;
        int i = from;
        while (i < to) {
            int b = bytes[i];
            if (b >= 0) {
                out[n++] = (char) b;
                i++;
            } else if ((b & 0xE0) == 0xC0) {
                out[n++] = (char) ((b & 0x1F) << 6 | bytes[i + 1] & 0x3F);
                i += 2;
            } else if ((b & 0xF0) == 0xE0) {
                out[n++] = (char) ((b & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | bytes[i + 2] & 0x3F);
                i += 3;
            } else {
                int cp = (b & 0x07) << 18 | (bytes[i + 1] & 0x3F) << 12 | (bytes[i + 2] & 0x3F) << 6 | bytes[i + 3] & 0x3F;
                out[n++] = Character.highSurrogate(cp);
                out[n++] = Character.lowSurrogate(cp);
                i += 4;
            }
        }
        return new String(out, 0, n);
    }

    /**
     * {@link String#hashCode()} of the text these bytes encode. Bytes that are not UTF-8 get
     * some hash: no stored text has them, and lookups compare bytes, so they find nothing.
     */
    static int hash(byte[] bytes, int from, int to) {
        int h = 0;
        int i = from;
        while (i < to) {
            int b = bytes[i];
            if (b >= 0) {
                h = 31 * h + b;
                i++;
            } else if ((b & 0xE0) == 0xC0 && i + 1 < to) {
                h = 31 * h + ((b & 0x1F) << 6 | bytes[i + 1] & 0x3F);
                i += 2;
            } else if ((b & 0xF0) == 0xE0 && i + 2 < to) {
                h = 31 * h + ((b & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | bytes[i + 2] & 0x3F);
                i += 3;
            } else if ((b & 0xF8) == 0xF0 && i + 3 < to) {
                int cp = (b & 0x07) << 18 | (bytes[i + 1] & 0x3F) << 12 | (bytes[i + 2] & 0x3F) << 6 | bytes[i + 3] & 0x3F;
                h = 31 * (31 * h + Character.highSurrogate(cp)) + Character.lowSurrogate(cp);
                i += 4;
            } else {
                h = 31 * h + (b & 0xFF);
                i++;
            }
        }
        return h;
    }

    /** {@link String#hashCode()} of {@code chars[from, to)}. */
    static int hash(char[] chars, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + chars[i];
        }
        return h;
    }

    /** Whether the bytes {@code [from, to)} are {@link #encode}'s form of the text. */
    static boolean same(String text, byte[] bytes, int from, int to) {
        int n = text.length();
        int length = to - from;
        if (length < n || length > 3 * n) {
            return false; // UTF-8 takes one to three bytes per char
        }
        int p = from;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (p >= to || bytes[p] != c) {
                    return false;
                }
                p++;
            } else {
                int cp = c;
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    cp = Character.toCodePoint(c, text.charAt(++i));
                }
                p = sameCodePoint(cp, bytes, p, to);
                if (p < 0) {
                    return false;
                }
            }
        }
        return p == to;
    }

    /** {@link #same(String, byte[], int, int)} for {@code chars[offset, offset + length)}. */
    static boolean same(char[] chars, int offset, int length, byte[] bytes, int from, int to) {
        int bytesLength = to - from;
        if (bytesLength < length || bytesLength > 3 * length) {
            return false;
        }
        int p = from;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char c = chars[i];
            if (c < 0x80) {
                if (p >= to || bytes[p] != c) {
                    return false;
                }
                p++;
            } else {
                int cp = c;
                if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                    cp = Character.toCodePoint(c, chars[++i]);
                }
                p = sameCodePoint(cp, bytes, p, to);
                if (p < 0) {
                    return false;
                }
            }
        }
        return p == to;
    }

    /** Compares one non-ASCII code point (or lone surrogate) with the bytes at {@code p}; the next position, or -1. */
    private static int sameCodePoint(int cp, byte[] bytes, int p, int to) {
        if (cp < 0x800) {
            return p + 2 <= to && bytes[p] == (byte) (0xC0 | cp >> 6) && bytes[p + 1] == (byte) (0x80 | cp & 0x3F) ? p + 2 : -1;
        }
        if (cp < 0x10000) {
            return p + 3 <= to && bytes[p] == (byte) (0xE0 | cp >> 12) && bytes[p + 1] == (byte) (0x80 | cp >> 6 & 0x3F)
                    && bytes[p + 2] == (byte) (0x80 | cp & 0x3F) ? p + 3 : -1;
        }
        return p + 4 <= to && bytes[p] == (byte) (0xF0 | cp >> 18) && bytes[p + 1] == (byte) (0x80 | cp >> 12 & 0x3F)
                && bytes[p + 2] == (byte) (0x80 | cp >> 6 & 0x3F) && bytes[p + 3] == (byte) (0x80 | cp & 0x3F) ? p + 4 : -1;
    }

    /** Whether the text is {@link Long#toString(long)} of the value, compared digit by digit from the end. */
    static boolean sameLong(long value, String text) {
        int i = text.length();
        long q = value < 0 ? value : -value; // negative, so that Long.MIN_VALUE has its digits too
        do {
            if (--i < 0 || text.charAt(i) != (char) ('0' - (int) (q % 10))) {
                return false;
            }
            q /= 10;
        } while (q != 0);
        if (value < 0 && (--i < 0 || text.charAt(i) != '-')) {
            return false;
        }
        return i == 0;
    }

    // One sameLong per form of the text, written out for the same reason as Column's finds: they run per probe.

    /** {@link #sameLong(long, String)} for {@code chars[offset, offset + length)}. */
    static boolean sameLong(long value, char[] chars, int offset, int length) {
        int i = offset + length;
        long q = value < 0 ? value : -value;
        do {
            if (--i < offset || chars[i] != (char) ('0' - (int) (q % 10))) {
                return false;
            }
            q /= 10;
        } while (q != 0);
        if (value < 0 && (--i < offset || chars[i] != '-')) {
            return false;
        }
        return i == offset;
    }

    /** {@link #sameLong(long, String)} for the UTF-8 bytes {@code bytes[offset, offset + length)}. */
    static boolean sameLong(long value, byte[] bytes, int offset, int length) {
        int i = offset + length;
        long q = value < 0 ? value : -value;
        do {
            if (--i < offset || bytes[i] != (byte) ('0' - (int) (q % 10))) {
                return false;
            }
            q /= 10;
        } while (q != 0);
        if (value < 0 && (--i < offset || bytes[i] != '-')) {
            return false;
        }
        return i == offset;
    }
}
