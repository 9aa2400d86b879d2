package dev.dragoman.rules.internal;

import dev.dragoman.rules.LoadError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every error of a load, so that users see them all at once. */
public final class Problems {
    private final List<LoadError> errors = new ArrayList<>();

    public void at(SourceFile file, String keyPath, String message, String hint) {
        errors.add(new LoadError(file.path(), file.lineOf(keyPath), keyPath, message, hint));
    }

    public void at(SourceFile file, String keyPath, String message) {
        at(file, keyPath, message, "");
    }

    public void atLine(Path file, int line, String keyPath, String message, String hint) {
        errors.add(new LoadError(file, line, keyPath, message, hint));
    }

    /** A file that looks half-written: see {@link LoadError#incomplete()}. */
    public void incomplete(Path file, String message, String hint) {
        errors.add(new LoadError(file, 0, "", message, hint, true));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int size() {
        return errors.size();
    }

    /** In file, then line order. */
    public List<LoadError> sorted() {
        List<LoadError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparing((LoadError e) -> e.file().toString()).thenComparingInt(LoadError::line));
        return sorted;
    }
}
