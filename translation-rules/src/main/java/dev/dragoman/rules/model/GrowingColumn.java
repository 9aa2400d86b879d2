package dev.dragoman.rules.model;

import java.util.Arrays;

/**
 * A column while its table is being read: values as the loader's own Strings (their hashes
 * cached, so finding duplicates costs one probe) in an open-addressing index, grown as rows
 * come. {@link #freeze()} packs it into the compact {@link IdentifierTable.Column} that a
 * loaded table keeps; the Strings are garbage once the table is built.
 */
final class GrowingColumn {
    static final byte ABSENT = -1;
    private String[] texts;
    private byte[] kinds;
    private int[] slots;
    private int count;

    GrowingColumn(int capacity) {
        texts = new String[Math.max(capacity, 4)];
        kinds = new byte[texts.length];
        Arrays.fill(kinds, ABSENT);
        slots = new int[tableSize(texts.length)];
    }

    /** The row whose value has this text form, or -1. */
    int find(String text) {
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

    /**
     * The compact form of what is stored now: integral texts as longs, the others as UTF-8 in
     * one array, and the same index (same slots, so no re-insertion) with hash bits added
     * where the row numbers leave room for them. This column can still grow afterwards.
     */
    IdentifierTable.Column freeze() {
        int rows = 0;
        boolean anyLong = false;
        boolean anyText = false;
        boolean wtf8 = false;
        long poolSize = 0;
        byte[] packed = new byte[texts.length];
        for (int row = 0; row < texts.length; row++) {
            if (kinds[row] == ABSENT) {
                packed[row] = ABSENT;
                continue;
            }
            rows = row + 1;
            String text = texts[row];
            if (CompactTexts.isCanonicalLong(text)) {
                packed[row] = (byte) (kinds[row] | IdentifierTable.Column.LONG);
                anyLong = true;
            } else {
                packed[row] = kinds[row];
                anyText = true;
                poolSize += CompactTexts.encodedLength(text);
                wtf8 |= CompactTexts.hasLoneSurrogate(text);
            }
        }
        if (poolSize > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("a column's texts take more than 2 GB as UTF-8 (" + poolSize + " bytes); split the table");
        }
        long[] numbers = anyLong ? new long[rows] : null;
        byte[] pool = anyText ? new byte[(int) poolSize] : null;
        int[] offsets = anyText ? new int[rows + 1] : null;
        int at = 0;
        boolean uniform = rows > 0;
        for (int row = 0; row < rows; row++) {
            byte kind = packed[row];
            uniform &= kind == packed[0];
            if (kind != ABSENT) {
                if ((kind & IdentifierTable.Column.LONG) != 0) {
                    numbers[row] = Long.parseLong(texts[row]);
                } else {
                    at = CompactTexts.encode(texts[row], pool, at);
                }
            }
            if (offsets != null) {
                offsets[row + 1] = at;
            }
        }
        int[] index = compactIndex(rows);
        boolean tagged = rows < index.length;
        if (tagged) {
            int mask = index.length - 1;
            for (int i = 0; i < index.length; i++) {
                int slot = index[i];
                if (slot != 0) {
                    index[i] = spread(texts[slot - 1].hashCode()) & ~mask | slot;
                }
            }
        }
        byte[] kindOfRow = uniform && packed[0] != ABSENT ? null : Arrays.copyOf(packed, rows);
        return new IdentifierTable.Column(kindOfRow, rows > 0 ? packed[0] : ABSENT, rows, numbers, pool, offsets, wtf8, index, tagged, count);
    }

    /**
     * The index as stored: the same slots when they are already as few as the load factor
     * allows, else the values re-inserted into fewer (a column declared large that got few values).
     */
    private int[] compactIndex(int rows) {
        int size = tableSize(Math.max(count, 4));
        if (size >= slots.length) {
            return slots.clone();
        }
        int[] fewer = new int[size];
        int mask = size - 1;
        for (int row = 0; row < rows; row++) {
            if (kinds[row] != ABSENT) {
                int i = spread(texts[row].hashCode()) & mask;
                while (fewer[i] != 0) {
                    i = (i + 1) & mask;
                }
                fewer[i] = row + 1;
            }
        }
        return fewer;
    }

    private void ensureRow(int row) {
        if (row >= texts.length) {
            int length = Math.max(row + 1, texts.length + (texts.length >> 1));
            texts = Arrays.copyOf(texts, length);
            int old = kinds.length;
            kinds = Arrays.copyOf(kinds, length);
            Arrays.fill(kinds, old, length, ABSENT);
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

    /** A power of two at least twice the capacity: the index stays at most half full. */
    static int tableSize(int capacity) {
        return Integer.highestOneBit(Math.max(capacity, 4) * 2 - 1) << 1;
    }

    static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
