package dev.dragoman.rules.internal;

import dev.dragoman.rules.JsonLimits;
import dev.dragoman.rules.MalformedJsonException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import tools.jackson.core.StreamReadConstraints;

/**
 * Steps over an object or an array that no rule can reach, byte by byte, without producing
 * tokens: it matches brackets, steps over strings (escapes included) and checks as it goes
 * that the bytes are the JSON Jackson would have accepted, so a body that is malformed where
 * no rule looks is still refused as malformed, never forwarded.
 *
 * <p>Why not Jackson's {@code skipChildren}: it tokenizes everything it skips (member names
 * hashed into the symbol table, numbers parsed into a buffer), which made skipping cost as
 * much as reading. What is accepted here is exactly what the walk's parser accepts with its
 * settings (Jackson's defaults): whitespace is space, tab, CR and LF; names are quoted; no
 * comments, trailing commas, single quotes, leading zeros, {@code NaN} or leading {@code +};
 * strings hold no control character and only the escapes of RFC 8259; UTF-8 is checked as
 * Jackson checks it (a lead byte needs its continuation bytes; neither overlong forms nor
 * surrogates are looked for in strings, as Jackson does not; in member names Jackson 3.1 refuses
 * unpaired surrogate escapes and UTF-8 that encodes a surrogate, and so does this); numbers have at most
 * {@link StreamReadConstraints#DEFAULT_MAX_NUM_LEN} digits, names at most
 * {@link StreamReadConstraints#DEFAULT_MAX_NAME_LEN} bytes; nesting stops at
 * {@link JsonLimits#MAX_NESTING_DEPTH}. The differential tests hold the two to that.
 * Two differences on purpose, both about Jackson's symbol table, which names skipped here
 * never enter: its defence against hash flooding (a failure after too many colliding names)
 * is not needed where nothing is hashed; and a name holding the byte 0xFF is always refused
 * here, where Jackson takes {@code "\xFFa"} for {@code "a"} once it has seen {@code "a"} (it
 * pads short names with 0xFF bytes in its table, assuming UTF-8 never holds one).
 */
final class JsonSkipper {

    private static final int MAX_NUMBER_LENGTH = StreamReadConstraints.DEFAULT_MAX_NUM_LEN;
    private static final int MAX_NAME_LENGTH = StreamReadConstraints.DEFAULT_MAX_NAME_LEN;

    /** What a byte inside a string is: anything but {@link #PLAIN} stops the fast loop. */
    private static final byte PLAIN = 0;
    private static final byte QUOTE = 1;
    private static final byte BACKSLASH = 2;
    private static final byte CONTROL = 3;
    private static final byte LEAD_2 = 4;
    private static final byte LEAD_3 = 5;
    private static final byte LEAD_4 = 6;
    /** A continuation byte where a character starts, or a byte UTF-8 never uses as a lead (as Jackson reads it). */
    private static final byte INVALID = 7;
    private static final byte[] IN_STRING = new byte[256];

    static {
        for (int c = 0; c < 0x20; c++) {
            IN_STRING[c] = CONTROL;
        }
        IN_STRING['"'] = QUOTE;
        IN_STRING['\\'] = BACKSLASH;
        for (int c = 0x80; c < 0x100; c++) {
            // Jackson's table (CharTypes' UTF-8 input codes): C0 and C1, F5 to F7 are leads too
            IN_STRING[c] = (c & 0xE0) == 0xC0 ? LEAD_2 : (c & 0xF0) == 0xE0 ? LEAD_3 : (c & 0xF8) == 0xF0 ? LEAD_4 : INVALID;
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final byte[] in;
    private final int end;
    /** Whether each open container is an object, by depth below the skipped one: a bit stack for the deepest nesting allowed. */
    private final long[] objects = new long[(JsonLimits.MAX_NESTING_DEPTH >>> 6) + 1];

    JsonSkipper(byte[] in, int end) {
        this.in = in;
        this.end = end;
    }

    /**
     * Skips the rest of the container whose opening bracket is just before {@code from}, at
     * nesting depth {@code depth} (the outermost container is at 1).
     *
     * @return the index just past its closing bracket
     * @throws MalformedJsonException when the bytes up to there are not JSON
     */
    int skipContainer(int from, boolean object, int depth) {
        int i = from;
        int level = 0;
        boolean inObject = object;
        push(0, object);
        boolean first = true;
        while (true) {
            i = space(i);
            int c = in[i];
            if (first && c == (inObject ? '}' : ']')) {
                // an empty container: closed at once, and it is a value of the one around it
                i++;
                if (level == 0) {
                    return i;
                }
                level--;
                inObject = isObject(level);
            } else {
                if (inObject) {
                    if (c != '"') {
                        throw unexpected(i, "a member name in double quotes");
                    }
                    i = space(name(i + 1));
                    if (in[i] != ':') {
                        throw unexpected(i, "a colon after a member name");
                    }
                    i = space(i + 1);
                    c = in[i];
                }
                if (c == '{' || c == '[') {
                    if (depth + level + 1 > JsonLimits.MAX_NESTING_DEPTH) {
                        throw new MalformedJsonException("the JSON nests deeper than " + JsonLimits.MAX_NESTING_DEPTH
                                + " levels, the most this gateway reads: flatten it", i, null);
                    }
                    level++;
                    inObject = c == '{';
                    push(level, inObject);
                    first = true;
                    i++;
                    continue;
                }
                i = scalar(i, c);
            }
            // after a value: a comma and the next one, or the end of this container (and maybe of more)
            while (true) {
                i = space(i);
                c = in[i];
                if (c == ',') {
                    i++;
                    first = false;
                    break;
                }
                if (c != (inObject ? '}' : ']')) {
                    throw unexpected(i, "a comma or " + (inObject ? "'}'" : "']'") + " after a value");
                }
                i++;
                if (level == 0) {
                    return i;
                }
                level--;
                inObject = isObject(level);
            }
        }
    }

    /** The index of the first byte at or after {@code i} that is not whitespace; the input must go on to one. */
    private int space(int i) {
        while (i < end) {
            int c = in[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return i;
            }
            i++;
        }
        throw endOfInput(i);
    }

    private int scalar(int i, int c) {
        return switch (c) {
            case '"' -> string(i + 1);
            case 't' -> literal(i, "true");
            case 'f' -> literal(i, "false");
            case 'n' -> literal(i, "null");
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    yield number(i);
                }
                throw unexpected(i, "a value (a string, a number, an object, an array, true, false or null)");
            }
        };
    }

    /** What follows a literal is looked at by the caller: only whitespace, a comma or a closing bracket may. */
    private int literal(int i, String word) {
        for (int k = 1; k < word.length(); k++) {
            if (i + k >= end) {
                throw endOfInput(i + k);
            }
            if (in[i + k] != word.charAt(k)) {
                throw unexpected(i + k, "the literal " + word);
            }
        }
        return i + word.length();
    }

    /** RFC 8259's number, as Jackson reads it by default (no leading zeros, digits on both sides of a point). */
    private int number(int start) {
        int i = start;
        if (in[i] == '-') {
            i++;
        }
        int intStart = i;
        if (i < end && in[i] == '0') {
            i++;
            if (i < end && isDigit(in[i])) {
                throw malformed(i, "a number with a leading zero");
            }
        } else {
            i = digits(i);
            if (i == intStart) {
                throw i < end ? unexpected(i, "a digit") : endOfInput(i);
            }
        }
        int length = i - intStart;
        if (i < end && in[i] == '.') {
            int fraction = ++i;
            i = digits(i);
            if (i == fraction) {
                throw i < end ? unexpected(i, "a digit after a decimal point") : endOfInput(i);
            }
            length += i - fraction;
        }
        if (i < end && (in[i] == 'e' || in[i] == 'E')) {
            i++;
            if (i < end && (in[i] == '+' || in[i] == '-')) {
                i++;
            }
            int exponent = i;
            i = digits(i);
            if (i == exponent) {
                throw i < end ? unexpected(i, "a digit in an exponent") : endOfInput(i);
            }
            length += i - exponent;
        }
        // Jackson counts the digits only (before and after the point, and of the exponent)
        if (length > MAX_NUMBER_LENGTH) {
            throw new MalformedJsonException("the JSON is beyond a limit of this gateway: a number of " + length
                    + " digits, more than the " + MAX_NUMBER_LENGTH + " allowed", start, null);
        }
        return i;
    }

    private int digits(int i) {
        while (i < end && isDigit(in[i])) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** Skips a string whose opening quote is just before {@code from}; the index past its closing quote. */
    private int string(int from) {
        return string(from, false);
    }

    /**
     * A string, or with {@code name} a member name, which Jackson checks more closely: an
     * escaped high surrogate must be followed by an escaped low one, a low one must follow a
     * high one, and no raw UTF-8 may encode a surrogate.
     */
    private int string(int from, boolean name) {
        int i = from;
        while (true) {
            i = plainRun(i);
            while (i < end && IN_STRING[in[i] & 0xFF] == PLAIN) {
                i++;
            }
            if (i >= end) {
                throw endOfInput(i);
            }
            switch (IN_STRING[in[i] & 0xFF]) {
                case QUOTE -> {
                    return i + 1;
                }
                case BACKSLASH -> i = name ? nameEscape(i + 1) : escape(i + 1);
                case LEAD_2 -> i = continuation(i, 1);
                case LEAD_3 -> {
                    if (name && in[i] == (byte) 0xED && i + 1 < end && (in[i + 1] & 0xE0) == 0xA0) {
                        throw malformed(i, "UTF-8 that encodes a surrogate (U+D800 to U+DFFF) in a member name");
                    }
                    i = continuation(i, 2);
                }
                case LEAD_4 -> i = continuation(i, 3);
                case CONTROL -> throw malformed(i, "a control character (code " + in[i] + ") inside a string: escape it");
                default -> throw malformed(i, "the byte 0x" + Integer.toHexString(in[i] & 0xFF) + " inside a string, which is not UTF-8");
            }
        }
    }

    /**
     * Past the bytes from {@code i} that need no look inside a string (printable ASCII but the
     * quote and the backslash), eight at a time: this is where a skip spends its time, and
     * byte by byte it would go no faster than Jackson's own string loop. Stops at or before
     * the first byte that matters; the table loop takes over from there.
     */
    private int plainRun(int i) {
        while (i + 8 <= end) {
            long word = (long) LONGS.get(in, i);
            long quote = word ^ ONES * '"';
            long backslash = word ^ ONES * '\\';
            // per byte, the top bit set where the byte is a quote, a backslash, below 0x20 or above 0x7F; a borrow
            // may only mark bytes after a marked one, so the lowest mark is a real one
            long marks = ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (word - ONES * 0x20) & ~word | word) & HIGHS;
            if (marks != 0) {
                return i + (Long.numberOfTrailingZeros(marks) >>> 3);
            }
            i += 8;
        }
        return i;
    }

    /** A member name: a string no longer than Jackson takes, counted in bytes as it decodes them. */
    private int name(int from) {
        int after = string(from, true);
        if (after - 1 - from > MAX_NAME_LENGTH && decodedLength(from, after - 1) > MAX_NAME_LENGTH) {
            throw new MalformedJsonException("the JSON is beyond a limit of this gateway: a member name longer than "
                    + MAX_NAME_LENGTH + " bytes", from - 1, null);
        }
        return after;
    }

    /** The UTF-8 length of a valid string's contents once its escapes are decoded (escapes only ever shorten it). */
    private int decodedLength(int from, int to) {
        int length = 0;
        for (int i = from; i < to; i++) {
            if (in[i] != '\\') {
                length++;
            } else if (in[i + 1] != 'u') {
                length++;
                i++;
            } else {
                int unit = hex(i + 2);
                if (unit >= 0xD800 && unit <= 0xDBFF) {
                    // with its low surrogate (nameEscape made sure it follows): one character of 4 bytes
                    length += 4;
                    i += 11;
                } else {
                    length += unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
                    i += 5;
                }
            }
        }
        return length;
    }

    /** The escape whose backslash is just before {@code i}; the index past it. */
    private int escape(int i) {
        if (i >= end) {
            throw endOfInput(i);
        }
        switch (in[i]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return i + 1;
            }
            case 'u' -> {
                for (int k = 1; k <= 4; k++) {
                    if (i + k >= end) {
                        throw endOfInput(i + k);
                    }
                    if (Character.digit(in[i + k], 16) < 0) {
                        throw unexpected(i + k, "a hex digit in a \\u escape");
                    }
                }
                return i + 5;
            }
            default -> throw malformed(i, "an escape other than \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX");
        }
    }

    /** An escape in a member name whose backslash is just before {@code i}, surrogates paired as Jackson requires there. */
    private int nameEscape(int i) {
        int after = escape(i);
        if (in[i] != 'u') {
            return after;
        }
        int unit = hex(i + 1);
        if (unit >= 0xDC00 && unit <= 0xDFFF) {
            throw malformed(i, "a low surrogate escape without a high one before it in a member name");
        }
        if (unit < 0xD800 || unit > 0xDBFF) {
            return after;
        }
        if (after >= end) {
            throw endOfInput(after);
        }
        if (in[after] != '\\') {
            throw malformed(after, "a high surrogate escape without a low one after it in a member name");
        }
        int next = escape(after + 1);
        if (in[after + 1] != 'u' || hex(after + 2) < 0xDC00 || hex(after + 2) > 0xDFFF) {
            throw malformed(after, "a high surrogate escape without a low one after it in a member name");
        }
        return next;
    }

    /** The four hex digits at {@code i}, already checked. */
    private int hex(int i) {
        return Character.digit(in[i], 16) << 12 | Character.digit(in[i + 1], 16) << 8 | Character.digit(in[i + 2], 16) << 4
                | Character.digit(in[i + 3], 16);
    }

    /** A lead byte at {@code lead} and the {@code count} continuation bytes it needs; the index past them. */
    private int continuation(int lead, int count) {
        for (int k = 1; k <= count; k++) {
            if (lead + k >= end) {
                throw endOfInput(lead + k);
            }
            if ((in[lead + k] & 0xC0) != 0x80) {
                throw malformed(lead + k, "a UTF-8 sequence cut short inside a string");
            }
        }
        return lead + count + 1;
    }

    private void push(int level, boolean object) {
        long bit = 1L << (level & 63);
        if (object) {
            objects[level >>> 6] |= bit;
        } else {
            objects[level >>> 6] &= ~bit;
        }
    }

    private boolean isObject(int level) {
        return (objects[level >>> 6] & 1L << (level & 63)) != 0;
    }

    private MalformedJsonException unexpected(int at, String expected) {
        int c = in[at] & 0xFF;
        String found = c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : "the byte 0x" + Integer.toHexString(c);
        return malformed(at, "unexpected " + found + " where JSON needs " + expected);
    }

    private static MalformedJsonException endOfInput(int at) {
        return malformed(at, "unexpected end of input inside an object or array");
    }

    private static MalformedJsonException malformed(int at, String what) {
        return new MalformedJsonException("malformed JSON: " + what, at, null);
    }
}
