package dev.dragoman.gateway.model;

import dev.dragoman.gateway.config.DragomanProperties.Overrides;
import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.ContextMapsException;
import dev.dragoman.rules.LoadResult;
import dev.dragoman.rules.Translators;
import dev.dragoman.rules.model.ContextModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reference to the model the gateway currently serves. A reload builds its model and
 * translators completely off to the side ({@link #prepare}) and swaps them in here, so that no
 * request ever sees half of a change: a request reads {@link #current()} once and keeps it.
 */
public final class ModelHolder {

    private static final Logger log = LoggerFactory.getLogger(ModelHolder.class);

    private final Path directory;
    private final Function<ContextModel, Translators> compiler;
    private final Clock clock;
    private final Overrides overrides;
    private final AtomicLong versions = new AtomicLong();
    private final AtomicReference<ServedModel> current;

    /** @param overrides the URLs that replace the maps' own (dragoman.overrides.*), applied to every model served */
    public ModelHolder(Path directory, ContextModel initial, Function<ContextModel, Translators> compiler, Clock clock, Overrides overrides) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.compiler = Objects.requireNonNull(compiler, "compiler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.current = new AtomicReference<>(prepare(Objects.requireNonNull(initial, "initial")));
    }

    /**
     * Loads the directory, or throws a {@link ContextMapsException} that lists every error with its file, line and
     * key path: a gateway must not start on maps it cannot serve.
     */
    public static ModelHolder load(Path directory, Function<ContextModel, Translators> compiler, Clock clock, Overrides overrides) {
        LoadResult result = ContextMaps.load(directory);
        ContextModel model = result.orElseThrow();
        log.info("Loaded the context maps in {}: {}", directory.toAbsolutePath().normalize(), ModelCounts.of(model));
        return new ModelHolder(directory, model, compiler, clock, overrides);
    }

    /** The model to serve right now; read it once per request and use that one throughout. */
    public ServedModel current() {
        return current.get();
    }

    /** Compiles a loaded model into one ready to serve, without serving it yet. */
    public ServedModel prepare(ContextModel model) {
        return new ServedModel(versions.incrementAndGet(), clock.instant(), compiler.apply(model), overrides);
    }

    /** Swaps in a prepared model, returning the one it replaces. */
    public ServedModel replace(ServedModel next) {
        return current.getAndSet(Objects.requireNonNull(next, "next"));
    }

    /** The directory the model is loaded from. */
    public Path directory() {
        return directory;
    }
}
