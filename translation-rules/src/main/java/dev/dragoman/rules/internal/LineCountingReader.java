package dev.dragoman.rules.internal;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Remembers where each line starts, so that a CSV record's character position (which Commons CSV
 * reports) turns into the line a user sees in an editor, even after blank lines and values that
 * span lines. Also drops a leading byte-order mark, which spreadsheet exports write and which
 * would otherwise become part of the first column's name.
 */
final class LineCountingReader extends FilterReader {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private int[] newlines = new int[1024];
    private int count;
    private long position;
    private boolean started;
    private final BitSet blankLines = new BitSet();
    private long lineStart;
    private char previous;

    LineCountingReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0 && !started) {
            started = true;
            if (buffer[offset] == BYTE_ORDER_MARK) {
                System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                n--;
                if (n == 0) {
                    return read(buffer, offset, length);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            char c = buffer[offset + i];
            if (c == '\n') {
                long at = position + i;
                long lineLength = at - lineStart;
                if (lineLength == 0 || lineLength == 1 && previous == '\r') {
                    blankLines.set(count + 1);
                }
                if (count == newlines.length) {
                    newlines = Arrays.copyOf(newlines, count * 2);
                }
                newlines[count++] = (int) at;
                lineStart = at + 1;
            }
            previous = c;
        }
        position += Math.max(n, 0);
        return n;
    }

    /**
     * The 1-based line where a record that begins at a character position already read has its
     * first value: Commons CSV reports the position where it started looking, before the empty
     * lines it skips.
     */
    int lineOf(long characterPosition) {
        int found = Arrays.binarySearch(newlines, 0, count, (int) characterPosition);
        int line = (found >= 0 ? found : -found - 1) + 1;
        return blankLines.get(line) ? blankLines.nextClearBit(line) : line;
    }
}
