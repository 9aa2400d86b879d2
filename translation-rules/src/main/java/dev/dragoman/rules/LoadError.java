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
 */
public record LoadError(Path file, int line, String keyPath, String message, String hint) {

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
