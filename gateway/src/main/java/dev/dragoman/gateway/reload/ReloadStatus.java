package dev.dragoman.gateway.reload;

import dev.dragoman.rules.LoadError;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the last attempt to load the maps came to.
 *
 * @param trigger what asked for it: {@code startup}, {@code watch} (an edit in the directory) or {@code admin}
 * @param at when the attempt finished
 * @param modelVersion the version of the model served after it: the new one when loaded, the old one when refused
 * @param errors every reason a refused load was refused, or what a pending one waits for; empty when loaded
 * @param lastSuccessAt when the model served now was loaded
 */
public record ReloadStatus(Outcome outcome, String trigger, Instant at, long modelVersion, List<MapError> errors,
        Instant lastSuccessAt) {

    /** Whether the attempt was served, refused, or waits for files that are still being written. */
    public enum Outcome {
        /** The new model is served. */
        LOADED,
        /** The maps did not load; the previous model keeps serving. */
        FAILED,
        /**
         * A file looked half-written (a table's last row unfinished, a file that changed while
         * it was read): the previous model keeps serving and the maps are read again until
         * they are complete, or until they have stayed incomplete so long that the load is
         * reported {@link #FAILED}.
         */
        PENDING
    }

    public ReloadStatus {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(lastSuccessAt, "lastSuccessAt");
        errors = List.copyOf(errors);
        if (outcome != Outcome.LOADED && errors.isEmpty()) {
            throw new IllegalArgumentException("a " + outcome.name().toLowerCase() + " reload names its errors, but none were given");
        }
        if (outcome == Outcome.LOADED && !errors.isEmpty()) {
            throw new IllegalArgumentException("a loaded reload has no errors but was given " + errors.size());
        }
    }

    public boolean loaded() {
        return outcome == Outcome.LOADED;
    }

    /**
     * One reason the maps were refused, located like a load error.
     *
     * @param line 1-based, or 0 when the error concerns the whole file
     * @param hint what to do about it, or empty
     */
    public record MapError(String file, int line, String keyPath, String message, String hint) {

        public MapError {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(message, "message");
            keyPath = keyPath == null ? "" : keyPath;
            hint = hint == null ? "" : hint;
        }

        static MapError of(LoadError error) {
            return new MapError(error.file().toString(), error.line(), error.keyPath(), error.message(), error.hint());
        }

        /** Reads like {@code maps/games.yaml:14: concepts.game.entries[3].web-support.code: 1 is already ...}, without the hint. */
        public String located() {
            StringBuilder out = new StringBuilder(file);
            if (line > 0) {
                out.append(':').append(line);
            }
            out.append(": ");
            if (!keyPath.isEmpty()) {
                out.append(keyPath).append(": ");
            }
            return out.append(message).toString();
        }

        /** {@link #located()} with the hint in parentheses: the log line. */
        @Override
        public String toString() {
            return hint.isEmpty() ? located() : located() + " (" + hint + ")";
        }
    }
}
