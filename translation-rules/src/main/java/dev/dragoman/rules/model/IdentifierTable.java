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
     * One context's values of one aspect, indexed by text. Open addressing over an int array
     * keeps a million-row column at a few bytes of index per row (a HashMap would box every
     * row number and spend an entry object on it).
     */
    public static final class Column {
        private static final byte ABSENT = -1;
        private String[] texts;
        private byte[] kinds;
        private int[] slots;
        private int count;

        Column(int capacity) {
            texts = new String[Math.max(capacity, 4)];
            kinds = new byte[texts.length];
            java.util.Arrays.fill(kinds, ABSENT);
            slots = new int[tableSize(texts.length)];
        }

        /** The row whose value has this text form, or -1 (also for a null text: no row holds no value). */
        public int find(String text) {
            if (text == null) {
                return -1;
            }
            int mask = slots.length - 1;
            for (int i = spread(text.hashCode()) & mask; ; i = (i + 1) & mask) {
                int slot = slots[i];
                if (slot == 0) {
                    return -1;
                }
                if (texts[slot - 1].equals(text)) {
                    return slot - 1;
                }
            }
        }

        /**
         * The row whose value has the text held in {@code chars[offset, offset + length)}, or -1:
         * {@link #find(String)} without making a String, for the parser's own buffer. The hash
         * is String's own, so both find the same slots.
         */
        public int find(char[] chars, int offset, int length) {
            int hash = 0;
            for (int i = offset; i < offset + length; i++) {
                hash = 31 * hash + chars[i];
            }
            int mask = slots.length - 1;
            for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
                int slot = slots[i];
                if (slot == 0) {
                    return -1;
                }
                if (sameText(texts[slot - 1], chars, offset, length)) {
                    return slot - 1;
                }
            }
        }

        private static boolean sameText(String text, char[] chars, int offset, int length) {
            if (text.length() != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (text.charAt(i) != chars[offset + i]) {
                    return false;
                }
            }
            return true;
        }

        /** The value in a row, or null when the thing has no value here (or row is -1). */
        public Scalar scalarAt(int row) {
            if (row < 0 || row >= texts.length || kinds[row] == ABSENT) {
                return null;
            }
            return new Scalar(texts[row], Scalar.Kind.values()[kinds[row]]);
        }

        /** The text of a row's value, or null. */
        public String textAt(int row) {
            return row < 0 || row >= texts.length ? null : texts[row];
        }

        /** The JSON type of a row's value, or null. */
        public Scalar.Kind kindAt(int row) {
            return row < 0 || row >= texts.length || kinds[row] == ABSENT ? null : Scalar.Kind.values()[kinds[row]];
        }

        /** How many rows hold a value in this column. */
        public int count() {
            return count;
        }

        /** Stores a row's value; returns the earlier row holding the same text, or -1. */
        int put(int row, Scalar value) {
            int existing = find(value.text());
            if (existing >= 0) {
                return existing;
            }
            ensureRow(row);
            texts[row] = value.text();
            kinds[row] = (byte) value.kind().ordinal();
            count++;
            if (count * 2 > slots.length) {
                rehash(slots.length * 2);
            } else {
                insertSlot(row);
            }
            return -1;
        }

        private void ensureRow(int row) {
            if (row >= texts.length) {
                int length = Math.max(row + 1, texts.length + (texts.length >> 1));
                texts = java.util.Arrays.copyOf(texts, length);
                int old = kinds.length;
                kinds = java.util.Arrays.copyOf(kinds, length);
                java.util.Arrays.fill(kinds, old, length, ABSENT);
            }
        }

        private void insertSlot(int row) {
            int mask = slots.length - 1;
            int i = spread(texts[row].hashCode()) & mask;
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            slots[i] = row + 1;
        }

        private void rehash(int size) {
            slots = new int[size];
            for (int row = 0; row < texts.length; row++) {
                if (kinds[row] != ABSENT) {
                    insertSlot(row);
                }
            }
        }

        private static int tableSize(int capacity) {
            return Integer.highestOneBit(Math.max(capacity, 4) * 2 - 1) << 1;
        }

        private static int spread(int h) {
            return h ^ (h >>> 16);
        }
    }

    /** Builds a table row by row, reporting duplicate values per column. */
    public static final class Builder {
        private final Map<ColumnKey, Column> columns = new LinkedHashMap<>();
        private final int expectedRows;
        private int rows;

        public Builder(int expectedRows) {
            this.expectedRows = expectedRows;
        }

        /** Declares a column even if no row has a value in it yet. */
        public void declare(String context, String field) {
            columns.computeIfAbsent(new ColumnKey(context, field), k -> new Column(expectedRows));
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
            return columns.computeIfAbsent(new ColumnKey(context, field), k -> new Column(expectedRows)).put(row, value);
        }

        public IdentifierTable build() {
            return new IdentifierTable(new LinkedHashMap<>(columns), rows);
        }
    }
}
