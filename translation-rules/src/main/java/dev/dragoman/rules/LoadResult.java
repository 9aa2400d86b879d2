package dev.dragoman.rules;

import dev.dragoman.rules.model.ContextModel;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A loaded model, or every error that kept the directory from loading. Never half of either. */
public record LoadResult(ContextModel model, List<LoadError> errors) {

    public LoadResult {
        errors = List.copyOf(errors);
        if ((model == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("a load result holds either a model or errors, not " + (model == null ? "neither" : "both"));
        }
    }

    public boolean isValid() {
        return model != null;
    }

    public Optional<ContextModel> modelIfValid() {
        return Optional.ofNullable(model);
    }

    /** The model; throws listing every error when the directory did not load. */
    public ContextModel orElseThrow() {
        if (model == null) {
            throw new ContextMapsException(errors);
        }
        return model;
    }

    /** One error per line, in file and line order. */
    public String describeErrors() {
        return errors.stream().map(LoadError::toString).collect(Collectors.joining("\n"));
    }
}
