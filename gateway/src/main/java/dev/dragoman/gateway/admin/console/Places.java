package dev.dragoman.gateway.admin.console;

import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.rules.SourcePlaces;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code file:line} of each declaration of the served model, read from the files once per model
 * version, when the console first shows it: the model keeps no positions, and reading the files
 * is a view's cost, not a request's. Read after a refused reload, the lines are those of the files
 * as they are then, which is what the person fixing them sees.
 */
final class Places {

    private record Read(long version, SourcePlaces places) {
    }

    private final ModelHolder models;
    private final AtomicReference<Read> read = new AtomicReference<>();

    Places(ModelHolder models) {
        this.models = models;
    }

    SourcePlaces of(ServedModel served) {
        Read known = read.get();
        if (known != null && known.version() == served.version()) {
            return known.places();
        }
        Read fresh = new Read(served.version(), SourcePlaces.of(models.directory()));
        read.set(fresh);
        return fresh.places();
    }

    /** {@code games.yaml:33}, or a dash when the files no longer declare it. */
    static String shown(Optional<SourcePlaces.Place> place) {
        return place.map(SourcePlaces.Place::toString).orElse("-");
    }
}
