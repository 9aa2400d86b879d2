package dev.dragoman.rules.internal;

import java.nio.file.Path;

/** A file of the directory with the index that locates its key paths. */
public record SourceFile(Path path, SourceIndex index) {

    public int lineOf(String keyPath) {
        return index.lineOf(keyPath);
    }

    /** A path relative to this file (for {@code entries-file}). */
    public Path resolveSibling(String relative) {
        Path parent = path.getParent();
        return parent == null ? Path.of(relative) : parent.resolve(relative);
    }
}
