package dev.dragoman.gateway.model;

import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.ContextMapsException;
import dev.dragoman.rules.LoadResult;
import dev.dragoman.rules.model.ContextModel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reference to the context model the gateway currently serves. A reload builds its model completely off to
 * the side and swaps it in here, so that no request ever sees half of a change.
 */
public final class ModelHolder {

    private static final Logger log = LoggerFactory.getLogger(ModelHolder.class);

    private final Path directory;
    private final AtomicReference<ContextModel> current;

    public ModelHolder(Path directory, ContextModel initial) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    /**
     * Loads the directory, or throws a {@link ContextMapsException} that lists every error with its file, line and
     * key path: a gateway must not start on maps it cannot serve.
     */
    public static ModelHolder load(Path directory) {
        LoadResult result = ContextMaps.load(directory);
        ContextModel model = result.orElseThrow();
        log.info("Loaded the context maps in {}: {}", directory.toAbsolutePath().normalize(), ModelCounts.of(model));
        return new ModelHolder(directory, model);
    }

    /** The model to serve right now; read it once per request and use that one throughout. */
    public ContextModel current() {
        return current.get();
    }

    /** Swaps in a model that loaded completely, returning the one it replaces. */
    public ContextModel replace(ContextModel next) {
        return current.getAndSet(Objects.requireNonNull(next, "next"));
    }

    /** The directory the model is loaded from. */
    public Path directory() {
        return directory;
    }
}
