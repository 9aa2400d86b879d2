package dev.dragoman.rules.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of a concept: one per real-world thing, holding each context's values of each
 * aspect. Stored by column, one hash index per (context, aspect), so that a lookup is one
 * probe and allocates nothing.
 */
public final class IdentifierTable {

    private final Map<ColumnKey, Column> columns;
    private final int rows;

    private IdentifierTable(Map<ColumnKey, Column> columns, int rows) {
        this.columns = Collections.unmodifiableMap(columns);
        this.rows = rows;
    }

    public static IdentifierTable empty() {
        return new IdentifierTable(Map.of(), 0);
    }

    public int size() {
        return rows;
    }

    /** The column of one context's aspect, if any row or key declares it. */
    public Optional<Column> column(String context, String field) {
        return Optional.ofNullable(columns.get(new ColumnKey(context, field)));
    }

    /**
     * The value that {@code to}'s {@code toField} has for the thing {@code from}'s {@code fromField}
     * calls {@code text}; empty for a null text (no value is no row's value).
     */
    public Optional<Scalar> translate(String from, String fromField, String text, String to, String toField) {
        if (text == null) {
            return Optional.empty();
        }
        Column source = columns.get(new ColumnKey(from, fromField));
        Column target = columns.get(new ColumnKey(to, toField));
        if (source == null || target == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(target.scalarAt(source.find(text)));
    }

    public Map<ColumnKey, Column> columns() {
        return columns;
    }

    /** Names a column: a context and one of its aspects. */
    public record ColumnKey(String context, String field) {
        @Override
        public String toString() {
            return context + "." + field;
        }
    }

    /**
     * One context's values of one aspect, indexed by text. Kept compact because a table may
     * have millions of rows: a value that is exactly a long's decimal form is that long, any
     * other text is UTF-8 in one byte array per column with an offset per row, and the index
     * is open addressing over an int array at most half full, each slot a row number with, in
     * its spare high bits, bits of the hash that turn most wrong rows away unread. A lookup is
     * one probe and allocates nothing; reading a value back ({@link #textAt}) makes its String.
     */
    public static final class Column {
        /** Marks a row kept as a long in {@link #numbers}; the low bits are the Kind's ordinal. */
        static final byte LONG = 4;
        private static final byte ABSENT = GrowingColumn.ABSENT;
        private static final Scalar.Kind[] KINDS = Scalar.Kind.values();

        /** Per row: ABSENT, or the Kind's ordinal with LONG when the value is in numbers; null when every row has {@link #kind}. */
        private final byte[] kinds;
        private final byte kind;
        private final int rows;
        private final long[] numbers;
        private final byte[] utf8;
        /** Row r's text is {@code utf8[offsets[r], offsets[r + 1])}. */
        private final int[] offsets;
        private final boolean wtf8;
        private final int[] slots;
        /** Which bits of a slot hold the row number plus one, and which the hash's high bits. */
        private final int rowMask;
        private final int tagMask;
        private final int count;

        Column(byte[] kinds, byte kind, int rows, long[] numbers, byte[] utf8, int[] offsets, boolean wtf8, int[] slots,
                boolean tagged, int count) {
            this.kinds = kinds;
            this.kind = kind;
            this.rows = rows;
            this.numbers = numbers;
            this.utf8 = utf8;
            this.offsets = offsets;
            this.wtf8 = wtf8;
            this.slots = slots;
            this.rowMask = tagged ? slots.length - 1 : -1;
            this.tagMask = tagged ? ~(slots.length - 1) : 0;
            this.count = count;
        }

        /** The row whose value has this text form, or -1 (also for a null text: no row holds no value). */
        public int find(String text) {
            if (text == null) {
                return -1;
            }
            int h = GrowingColumn.spread(text.hashCode());
            int mask = slots.length - 1;
            for (int i = h & mask; ; i = (i + 1) & mask) {
                int slot = slots[i];
                if (slot == 0) {
                    return -1;
                }
                if (((slot ^ h) & tagMask) == 0) {
                    int row = (slot & rowMask) - 1;
                    if (isLong(row) ? CompactTexts.sameLong(numbers[row], text)
                            : CompactTexts.same(text, utf8, offsets[row], offsets[row + 1])) {
                        return row;
                    }
                }
            }
        }

        // The three finds (String, char[], UTF-8 bytes) each write their probe out: one probe taking
        // a comparison would cost a call per slot on the engine's hot path, for a dozen lines saved.

        /**
         * The row whose value has the text held in {@code chars[offset, offset + length)}, or -1:
         * {@link #find(String)} without making a String, for the parser's own buffer. The hash
         * is String's own, so both find the same slots.
         */
        public int find(char[] chars, int offset, int length) {
            int h = GrowingColumn.spread(CompactTexts.hash(chars, offset, offset + length));
            int mask = slots.length - 1;
            for (int i = h & mask; ; i = (i + 1) & mask) {
                int slot = slots[i];
                if (slot == 0) {
                    return -1;
                }
                if (((slot ^ h) & tagMask) == 0) {
                    int row = (slot & rowMask) - 1;
                    if (isLong(row) ? CompactTexts.sameLong(numbers[row], chars, offset, length)
                            : CompactTexts.same(chars, offset, length, utf8, offsets[row], offsets[row + 1])) {
                        return row;
                    }
                }
            }
        }

        /**
         * The row whose value's UTF-8 form is {@code bytes[offset, offset + length)}, or -1:
         * {@link #find(String)} for a reader that has the bytes and not the characters. Bytes
         * that are not UTF-8 find nothing.
         */
        public int findUtf8(byte[] bytes, int offset, int length) {
            int h = GrowingColumn.spread(CompactTexts.hash(bytes, offset, offset + length));
            int mask = slots.length - 1;
            for (int i = h & mask; ; i = (i + 1) & mask) {
                int slot = slots[i];
                if (slot == 0) {
                    return -1;
                }
                if (((slot ^ h) & tagMask) == 0) {
                    int row = (slot & rowMask) - 1;
                    if (isLong(row) ? CompactTexts.sameLong(numbers[row], bytes, offset, length)
                            : java.util.Arrays.equals(utf8, offsets[row], offsets[row + 1], bytes, offset, offset + length)) {
                        return row;
                    }
                }
            }
        }

        /** Whether a row that holds a value holds it as a long; one array read only where a column mixes both forms. */
        private boolean isLong(int row) {
            if (utf8 == null) {
                return true;
            }
            return numbers != null && (kindOf(row) & LONG) != 0;
        }

        private byte kindOf(int row) {
            return kinds == null ? kind : kinds[row];
        }

        /** The value in a row, or null when the thing has no value here (or row is -1). */
        public Scalar scalarAt(int row) {
            String text = textAt(row);
            return text == null ? null : new Scalar(text, KINDS[kindOf(row) & 3]);
        }

        /** The text of a row's value, or null. */
        public String textAt(int row) {
            if (row < 0 || row >= rows) {
                return null;
            }
            byte k = kindOf(row);
            if (k == ABSENT) {
                return null;
            }
            if ((k & LONG) != 0) {
                return Long.toString(numbers[row]);
            }
            return CompactTexts.decode(utf8, offsets[row], offsets[row + 1], wtf8);
        }

        /** The JSON type of a row's value, or null. */
        public Scalar.Kind kindAt(int row) {
            if (row < 0 || row >= rows) {
                return null;
            }
            byte k = kindOf(row);
            return k == ABSENT ? null : KINDS[k & 3];
        }

        /** How many rows hold a value in this column. */
        public int count() {
            return count;
        }
    }

    /** Builds a table row by row, reporting duplicate values per column. */
    public static final class Builder {
        private final Map<ColumnKey, GrowingColumn> columns = new LinkedHashMap<>();
        private final int expectedRows;
        private int rows;

        public Builder(int expectedRows) {
            this.expectedRows = expectedRows;
        }

        /** Declares a column even if no row has a value in it yet. */
        public void declare(String context, String field) {
            columns.computeIfAbsent(new ColumnKey(context, field), k -> new GrowingColumn(expectedRows));
        }

        /** Starts a new row and returns its number. */
        public int newRow() {
            return rows++;
        }

        /**
         * Sets a value in a row.
         *
         * @return the earlier row that already holds this value in this column, or -1
         */
        public int put(int row, String context, String field, Scalar value) {
            return columns.computeIfAbsent(new ColumnKey(context, field), k -> new GrowingColumn(expectedRows)).put(row, value);
        }

        public IdentifierTable build() {
            Map<ColumnKey, Column> compact = new LinkedHashMap<>();
            columns.forEach((key, column) -> compact.put(key, column.freeze()));
            return new IdentifierTable(compact, rows);
        }
    }
}
