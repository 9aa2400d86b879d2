package dev.dragoman.tools.stubs;

import dev.dragoman.rules.internal.KeyPaths;
import dev.dragoman.rules.internal.SourceIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where each concept is declared in a maps directory ({@code games.yaml:15}), so that a stub naming an identifier
 * without a row says which file to add the row to. The model does not keep its sources, so the YAML is indexed again.
 */
final class ConceptSources {

    private final Map<String, String> places = new HashMap<>();

    private ConceptSources() {
    }

    static ConceptSources of(Path mapsDir, Collection<String> concepts) {
        ConceptSources sources = new ConceptSources();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(mapsDir)) {
            files = walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            SourceIndex index;
            try {
                index = SourceIndex.of(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                continue; // not a map the loader read either (the maps loaded, so it is a test file or the like)
            }
            String name = mapsDir.relativize(file).toString();
            sources.index(index, name, concepts);
        }
        return sources;
    }

    private void index(SourceIndex index, String file, Collection<String> concepts) {
        int conceptsLine = index.lineOf("concepts");
        // lineOf answers the nearest enclosing key: a concept is declared here only when its own line differs
        for (String concept : concepts) {
            int line = index.lineOf(KeyPaths.child("concepts", concept));
            if (line > 0 && line != conceptsLine) {
                places.putIfAbsent(concept, file + ":" + line);
            }
        }
    }

    /** The concept's file:line, or the maps directory's name when it cannot be found. */
    String of(String concept) {
        return places.getOrDefault(concept, "the maps");
    }
}
