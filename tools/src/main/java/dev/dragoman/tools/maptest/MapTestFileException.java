package dev.dragoman.tools.maptest;

/** A test file that cannot be read as map tests: what is wrong, and on which line. */
final class MapTestFileException extends RuntimeException {

    private final int line;

    MapTestFileException(int line, String message) {
        super(message);
        this.line = line;
    }

    int line() {
        return line;
    }
}
