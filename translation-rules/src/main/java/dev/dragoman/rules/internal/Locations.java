package dev.dragoman.rules.internal;

import dev.dragoman.rules.Finding;
import dev.dragoman.rules.SourcePlaces;
import dev.dragoman.rules.internal.MapFileReader.ParsedFile;
import dev.dragoman.rules.yaml.MapsFileDto.ConceptDto;
import dev.dragoman.rules.yaml.MapsFileDto.DeliveryDto;
import dev.dragoman.rules.yaml.MapsFileDto.EventDto;
import dev.dragoman.rules.yaml.MapsFileDto.RouteDto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the declarations of a directory that loaded stand, for findings about its model. The
 * model itself keeps no source positions (it is what the gateway serves), so the files are
 * read once more: the cost of a check, never of a request.
 */
public final class Locations {

    private final Declarations declared;

    private Locations(Declarations declared) {
        this.declared = declared;
    }

    /** Reads a directory's files again; meant for a directory that has just loaded without errors. */
    public static Locations of(Path dir) {
        Problems ignored = new Problems();
        List<ParsedFile> parsed = new ArrayList<>();
        try (Stream<Path> listing = Files.list(dir)) {
            listing.filter(p -> {
                String name = p.getFileName().toString();
                return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.startsWith(".") && Files.isRegularFile(p);
            }).sorted().forEach(file -> MapFileReader.read(file, ignored).ifPresent(parsed::add));
        } catch (IOException e) {
            // the loader has just listed it; a directory gone since leaves findings without lines
        }
        return new Locations(Declarations.collect(parsed, ignored));
    }

    public Finding concept(String concept, Finding.Kind kind, String message) {
        Declared<ConceptDto> d = declared.concepts.get(concept);
        return d == null ? new Finding(Path.of("?"), 0, "concepts." + concept, kind, message)
                : new Finding(d.file().path(), d.file().lineOf(d.keyPath()), d.keyPath(), kind, message);
    }

    /** A table row: its entry in the YAML file, or its line in the {@code entries-file}. */
    public Finding row(String concept, int row, Finding.Kind kind, String message) {
        Declared<ConceptDto> d = declared.concepts.get(concept);
        if (d == null) {
            return concept(concept, kind, message);
        }
        int entries = d.dto().entries() == null ? 0 : d.dto().entries().size();
        if (row < entries) {
            String at = KeyPaths.index(d.at("entries"), row);
            return new Finding(d.file().path(), d.file().lineOf(at), at, kind, message);
        }
        Path csv = d.file().resolveSibling(d.dto().entriesFile());
        return new Finding(csv, csvLine(csv, row - entries), "", kind, message);
    }

    /** A describable name for a row, as the loader names rows in its errors. */
    public String rowName(String concept, int row) {
        Declared<ConceptDto> d = declared.concepts.get(concept);
        if (d == null) {
            return "row " + row;
        }
        int entries = d.dto().entries() == null ? 0 : d.dto().entries().size();
        if (row < entries) {
            return "entry " + row + " (line " + d.file().lineOf(KeyPaths.index(d.at("entries"), row)) + ")";
        }
        Path csv = d.file().resolveSibling(d.dto().entriesFile());
        return "the row at line " + csvLine(csv, row - entries) + " of " + csv.getFileName();
    }

    /** A place inside the route at this index of the model, e.g. {@code request.path-templates[1]}. */
    public Finding route(int index, String relativeKeyPath, Finding.Kind kind, String message) {
        if (index >= declared.routes.size()) {
            return new Finding(Path.of("?"), 0, "routes[" + index + "]", kind, message);
        }
        Declared<RouteDto> d = declared.routes.get(index);
        String at = relativeKeyPath.isEmpty() ? d.keyPath() : d.keyPath() + "." + relativeKeyPath;
        return new Finding(d.file().path(), d.file().lineOf(at), at, kind, message);
    }

    /** A place inside the composition at this index of the model, e.g. {@code path}. */
    public Finding composition(int index, String relativeKeyPath, Finding.Kind kind, String message) {
        if (index >= declared.compositions.size()) {
            return new Finding(Path.of("?"), 0, "compositions[" + index + "]", kind, message);
        }
        Declared<?> d = declared.compositions.get(index);
        String at = relativeKeyPath.isEmpty() ? d.keyPath() : d.keyPath() + "." + relativeKeyPath;
        return new Finding(d.file().path(), d.file().lineOf(at), at, kind, message);
    }

    /** Every declaration's place, keyed as {@link SourcePlaces} asks ({@link #contextKey} and the others). */
    public Map<String, SourcePlaces.Place> places() {
        Map<String, SourcePlaces.Place> places = new LinkedHashMap<>();
        declared.contexts.forEach((name, d) -> places.put(contextKey(name), place(d)));
        declared.concepts.forEach((name, d) -> places.put(conceptKey(name), place(d)));
        declared.routes.forEach(d -> places.put(routeKey(d.name()), place(d)));
        declared.sagas.forEach(d -> places.put(sagaKey(d.name()), place(d)));
        for (Declared<EventDto> d : declared.events) {
            EventDto event = d.dto();
            places.put(eventKey(event.type(), event.from()), place(d));
            List<DeliveryDto> deliver = event.deliver() == null ? List.of() : event.deliver();
            for (int i = 0; i < deliver.size(); i++) {
                if (deliver.get(i) != null && deliver.get(i).to() != null) {
                    String at = KeyPaths.index(d.at("deliver"), i);
                    places.putIfAbsent(deliveryKey(event.type(), event.from(), deliver.get(i).to()),
                            new SourcePlaces.Place(d.file().path(), d.file().lineOf(at), at));
                }
            }
        }
        return places;
    }

    private static SourcePlaces.Place place(Declared<?> d) {
        return new SourcePlaces.Place(d.file().path(), d.file().lineOf(d.keyPath()), d.keyPath());
    }

    public static String contextKey(String name) {
        return "contexts\u0000" + name;
    }

    public static String conceptKey(String name) {
        return "concepts\u0000" + name;
    }

    public static String routeKey(String id) {
        return "routes\u0000" + id;
    }

    public static String eventKey(String type, String from) {
        return "events\u0000" + type + "\u0000" + from;
    }

    public static String deliveryKey(String type, String from, String to) {
        return eventKey(type, from) + "\u0000" + to;
    }

    public static String sagaKey(String name) {
        return "sagas\u0000" + name;
    }

    /**
     * The line of the n-th record after the header, counting non-blank lines as the CSV parser
     * does (it skips empty lines); a quoted value spanning lines would shift it, and the maps'
     * tables have none.
     */
    private static int csvLine(Path csv, int record) {
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            int seen = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                if (seen++ == record) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            // the loader has just read it; without it the finding names the file alone
        }
        return 0;
    }
}
