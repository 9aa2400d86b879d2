package dev.dragoman.rules;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something in maps that load which is probably not what their author meant: a table row
 * that does not translate back, a rule that can never apply, a concept nothing uses.
 *
 * @param line 1-based line in {@code file}, or 0 when the finding concerns the whole file
 */
public record Finding(Path file, int line, String keyPath, Kind kind, String message) {

    /** What sort of finding; each reads as the word in its {@link #label()}. */
    public enum Kind {
        NON_INVERTIBLE("non-invertible"),
        UNREACHABLE("unreachable"),
        UNUSED("unused"),
        /** A route policy that can never take effect as written (see {@code PolicyReach}). */
        INAPPLICABLE("inapplicable");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Finding {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        keyPath = keyPath == null ? "" : keyPath;
    }

    /** Reads like a load error: {@code games.yaml:29: concepts.game.entries[4]: non-invertible: ...}. */
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
        return out.append(kind.label()).append(": ").append(message).toString();
    }
}
