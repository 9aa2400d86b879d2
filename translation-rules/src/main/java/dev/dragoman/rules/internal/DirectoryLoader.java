package dev.dragoman.rules.internal;

import dev.dragoman.rules.LoadResult;
import dev.dragoman.rules.internal.MapFileReader.ParsedFile;
import dev.dragoman.rules.model.BoundedContext;
import dev.dragoman.rules.model.Concept;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.rules.model.IdentifierTable;
import dev.dragoman.rules.yaml.MapsFileDto.ConceptDto;
import dev.dragoman.rules.yaml.CompositionMapper;
import dev.dragoman.rules.yaml.ModelMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads a directory of context maps: files, then declarations, then checks, then the model. */
public final class DirectoryLoader {

    private DirectoryLoader() {
    }

    public static LoadResult load(Path dir) {
        Problems problems = new Problems();
        List<Path> files = mapFiles(dir, problems);
        FileStamps stamps = new FileStamps();
        List<ParsedFile> parsed = new ArrayList<>();
        for (Path file : files) {
            MapFileReader.read(file, problems, stamps).ifPresent(parsed::add);
        }
        Declarations declared = Declarations.collect(parsed, problems);
        Checks checks = new Checks(declared, problems);
        declared.contexts.values().forEach(c -> {
            if (c.dto().inbox() != null) {
                EventChecks.inbox(checks, c.file(), c.at("inbox"), c.dto().inbox());
            }
        });
        Map<String, IdentifierTable> tables = new LinkedHashMap<>();
        for (Declared<ConceptDto> concept : declared.concepts.values()) {
            if (ConceptChecks.check(concept, checks)) {
                tables.put(concept.name(), TableLoader.load(concept, checks, stamps));
            }
        }
        declared.routes.forEach(route -> RouteChecks.check(route, checks));
        declared.events.forEach(event -> EventChecks.check(event, checks));
        declared.sagas.forEach(saga -> SagaChecks.check(saga, declared.events, checks));
        CompositionChecks.check(declared, checks);
        for (Path changed : stamps.changed()) {
            problems.incomplete(changed, "the file changed while the maps were being read",
                    "it is being written: it loads once it stops changing; to change maps in one step, write the new file"
                            + " elsewhere (or under a name that ends in .tmp) and mv it into place");
        }
        if (!problems.isEmpty()) {
            return new LoadResult(null, problems.sorted());
        }
        return new LoadResult(assemble(declared, tables), List.of());
    }

    private static List<Path> mapFiles(Path dir, Problems problems) {
        if (!Files.isDirectory(dir)) {
            problems.atLine(dir, 0, "", "the context-maps directory does not exist or is not a directory",
                    "set dragoman.context-maps (DRAGOMAN_CONTEXT_MAPS) to the folder holding your *.yaml maps");
            return List.of();
        }
        try (Stream<Path> listing = Files.list(dir)) {
            List<Path> files = listing
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.startsWith(".") && Files.isRegularFile(p);
                    })
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                problems.atLine(dir, 0, "", "the context-maps directory holds no *.yaml or *.yml file",
                        "add a map, or point dragoman.context-maps at the right folder");
            }
            return files;
        } catch (IOException e) {
            problems.atLine(dir, 0, "", "cannot list the directory: " + e.getMessage(), "");
            return List.of();
        }
    }

    private static ContextModel assemble(Declarations declared, Map<String, IdentifierTable> tables) {
        ModelMapper mapper = ModelMapper.INSTANCE;
        Map<String, BoundedContext> contexts = new LinkedHashMap<>();
        declared.contexts.forEach((name, d) -> contexts.put(name, mapper.context(name, d.dto())));
        Map<String, Concept> concepts = new LinkedHashMap<>();
        declared.concepts.forEach((name, d) -> concepts.put(name, new Concept(name, d.dto().keys(), tables.get(name),
                d.dto().resolver() == null ? null : mapper.resolver(d.dto().resolver()))));
        return new ContextModel(
                contexts,
                concepts,
                declared.routes.stream().map(r -> mapper.route(r.dto())).toList(),
                declared.events.stream().map(e -> mapper.event(e.dto())).toList(),
                declared.sagas.stream().map(s -> mapper.saga(s.dto())).toList(),
                declared.compositions.stream().map(c -> CompositionMapper.INSTANCE.composition(c.dto())).toList());
    }
}
