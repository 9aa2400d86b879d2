package dev.dragoman.rules;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a context-maps directory, located precisely enough to fix it.
 *
 * @param file the file at fault
 * @param line 1-based line in that file, or 0 when the error concerns the whole file
 * @param keyPath where in the file's structure, e.g. {@code concepts.game.entries[3].web-support.code}
 * @param hint what to do about it, or empty
 * @param incomplete the file looked half-written (it changed while the maps were read, or a table's
 *        last row is unfinished): the same maps may load once the writer is done, so a reloader
 *        tries again rather than reporting a mistake at once
 */
public record LoadError(Path file, int line, String keyPath, String message, String hint, boolean incomplete) {

    /** An error in what the file says. */
    public LoadError(Path file, int line, String keyPath, String message, String hint) {
        this(file, line, keyPath, message, hint, false);
    }

    public LoadError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        keyPath = keyPath == null ? "" : keyPath;
        hint = hint == null ? "" : hint;
    }

    /** Reads like {@code context-maps/games.yaml:14: concepts.game.entries[3].web-support.code: 1 is already ...}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder().append(file);
        if (line > 0) {
            out.append(':').append(line);
        }
        out.append(": ");
        if (!keyPath.isEmpty()) {
            out.append(keyPath).append(": ");
        }
        out.append(message);
        if (!hint.isEmpty()) {
            out.append(" (").append(hint).append(')');
        }
        return out.toString();
    }
}
