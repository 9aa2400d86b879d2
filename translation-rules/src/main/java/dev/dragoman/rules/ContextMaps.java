package dev.dragoman.rules;

import dev.dragoman.rules.internal.DirectoryLoader;
import java.nio.file.Path;

/** Loads a context-maps directory: every {@code *.yaml} and {@code *.yml} file in it, read as one model. */
public final class ContextMaps {

    private ContextMaps() {
    }

    /**
     * Loads and validates a directory. Never throws for a problem in the maps: the result
     * lists every error, each with its file, line and key path.
     */
    public static LoadResult load(Path dir) {
        return DirectoryLoader.load(dir);
    }
}
