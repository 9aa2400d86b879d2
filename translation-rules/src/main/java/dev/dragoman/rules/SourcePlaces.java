package dev.dragoman.rules;

import dev.dragoman.rules.internal.Locations;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each declaration of a maps directory stands ({@code file:line}), for views that show a
 * model beside its files, such as the gateway's console. The model keeps no source positions
 * (it is what a route serves), so the files are read once more, as {@link MapChecks} does: the
 * cost of a view, never of a request. Read it right after the directory loaded; after an edit
 * the lines are those of the files as they are now.
 */
public final class SourcePlaces {

    /**
     * One declaration's place.
     *
     * @param line 1-based, or 0 when only the file is known
     */
    public record Place(Path file, int line, String keyPath) {

        public Place {
            Objects.requireNonNull(file, "file");
            keyPath = keyPath == null ? "" : keyPath;
        }

        /** {@code games.yaml:14}, the file's name alone, as the map's authors know it. */
        @Override
        public String toString() {
            return file.getFileName() + ":" + line;
        }
    }

    private final Map<String, Place> places;

    private SourcePlaces(Map<String, Place> places) {
        this.places = Map.copyOf(places);
    }

    /** Reads the directory's map files again and notes where each declaration stands; unreadable files are skipped. */
    public static SourcePlaces of(Path dir) {
        return new SourcePlaces(Locations.of(dir).places());
    }

    public Optional<Place> context(String name) {
        return find(Locations.contextKey(name));
    }

    public Optional<Place> concept(String name) {
        return find(Locations.conceptKey(name));
    }

    public Optional<Place> route(String id) {
        return find(Locations.routeKey(id));
    }

    public Optional<Place> event(String type, String from) {
        return find(Locations.eventKey(type, from));
    }

    /** The {@code deliver} entry of an event that sends it to a context. */
    public Optional<Place> delivery(String type, String from, String to) {
        return find(Locations.deliveryKey(type, from, to));
    }

    public Optional<Place> saga(String name) {
        return find(Locations.sagaKey(name));
    }

    private Optional<Place> find(String key) {
        return Optional.ofNullable(places.get(key));
    }
}
