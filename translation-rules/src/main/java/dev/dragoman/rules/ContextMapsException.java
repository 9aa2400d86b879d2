package dev.dragoman.rules;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link LoadResult#orElseThrow()} with every error of a directory that did not load. */
public class ContextMapsException extends RuntimeException {
    private final List<LoadError> errors;

    public ContextMapsException(List<LoadError> errors) {
        super("the context maps did not load (" + errors.size() + " error" + (errors.size() == 1 ? "" : "s") + "):\n"
                + errors.stream().map(LoadError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<LoadError> errors() {
        return errors;
    }
}
